import type { BeatKeywords } from '../../../domain/visual-cues.js';
import { scoreTags } from '../../../domain/visual-cues.js';
import type { VisualMotion, VisualPattern } from '../../../domain/style-presets.js';

/** What the words of a beat feel like; each mood has its own backgrounds and camera moves. */
export type Mood = 'calm' | 'tech' | 'energetic';

interface MoodLook {
  words: string[];
  patterns: VisualPattern[];
  motions: VisualMotion[];
}

// Words in the six supported languages, unaccented; matched by stem and prefix like library tags.
const MOOD_LOOKS: Record<Mood, MoodLook> = {
  calm: {
    words: `calm peace peaceful relax relaxing rest sleep breathe breath meditation mindful yoga nature forest
      tree flower garden ocean sea beach wave lake river rain sky cloud sunset sunrise mountain morning quiet
      slow gentle soft cozy tea balance wellness calme paix nature foret arbre fleur mer plage lac riviere
      pluie ciel nuage montagne douceur sommeil respiration calma paz naturaleza bosque arbol flor mar playa
      lago rio lluvia cielo montana ruhe natur wald baum blume meer strand see regen himmel berg schlaf
      floresta arvore praia chuva ceu montanha calmo pace natura albero fiore mare spiaggia pioggia cielo`
      .split(/\s+/)
      .filter(Boolean),
    patterns: ['gradient', 'waves'],
    motions: ['zoom-in', 'zoom-out'],
  },
  tech: {
    words: `tech technology data code coding software app computer laptop screen digital ai algorithm network
      internet cloud server database chart graph analytics dashboard robot automation machine science number
      statistic metric spreadsheet programming developer cyber security chip startup api website online
      technologie donnee logiciel ordinateur ecran numerique reseau graphique chiffre tecnologia datos
      codigo programa ordenador computadora pantalla digital red grafico numero daten technik rechner
      bildschirm netzwerk zahl dados computador tela rede grafico dati schermo rete numeri`
      .split(/\s+/)
      .filter(Boolean),
    patterns: ['grid'],
    motions: ['pan-right', 'zoom-in', 'pan-left'],
  },
  energetic: {
    words:
      `energy energetic fast speed quick run running sport workout gym fitness train jump dance party music
      fire power boost win winner action exciting excited fun celebrate celebration explode crazy hype bold
      challenge race goal strong loud festival concert rush energie rapide vitesse courir fete musique feu
      puissance gagner defi energia rapido velocidad correr deporte fiesta musica fuego ganar reto schnell
      laufen tanzen feier musik feuer kraft gewinnen velocidade esporte festa vencer veloce correre
      ballare musica fuoco vincere sfida`
        .split(/\s+/)
        .filter(Boolean),
    patterns: ['dots'],
    motions: ['pan-left', 'pan-right'],
  },
};

const MOODS = Object.keys(MOOD_LOOKS) as Mood[];

/** The mood whose words fit the beat best, or null when none fits (the style's own look is used). */
export function moodOf(keywords: BeatKeywords): Mood | null {
  let best: Mood | null = null;
  let bestScore = 0;
  for (const mood of MOODS) {
    const score = scoreTags(keywords, MOOD_LOOKS[mood].words);
    if (score > bestScore) {
      best = mood;
      bestScore = score;
    }
  }
  return best;
}

/** The patterns and camera moves that suit a mood. */
export function lookOf(mood: Mood): { patterns: VisualPattern[]; motions: VisualMotion[] } {
  const { patterns, motions } = MOOD_LOOKS[mood];
  return { patterns, motions };
}
