import type { Beat, Brief } from '../../../../domain/content.js';
import { countWords, suggestedBeatCount } from '../../../../domain/script-rules.js';
import { keyPointsForBeats } from './key-points.js';
import type { LanguagePack } from './packs/language-pack.js';
import { fill, midSentence, PhraseDrawer, withoutArticle, type Placeholders } from './phrasing.js';
import type { ScriptBody } from './script-body.js';
import { hashSeed, SeededChooser } from './seeded-random.js';
import { styledHook } from './styled-hook.js';
import { writtenHookStyle } from '../../../../domain/hook-style.js';
import { nounPhrase, visualCue } from './visual-cue.js';

type FramingRole = keyof LanguagePack['framing'];
type Slot = { kind: 'point'; index: number } | { kind: 'framing'; role: FramingRole };

/**
 * Writes a script from a language pack's templates (French, Spanish, German, Portuguese, Italian): a hook in the
 * brief's hook style, or else a tone-matched one, naming the topic (and the audience, when given), one beat per key
 * point, framing beats (questions, contrasts, general tips) to reach the beat count the duration asks for, and a
 * call to action. A topic typed as a question or a how-to is never put inside a frame: it stands as its own
 * sentence in the hook, and the other phrases leave it out. The same brief always gives the same script.
 */
export function composeScript(brief: Brief, targetWords: number, pack: LanguagePack): ScriptBody {
  const topic = brief.topic.replace(/\s+/g, ' ').trim();
  const audience = brief.audience.replace(/\s+/g, ' ').trim();
  const addressed = withoutArticle(audience, pack.articles);
  const form = topicForm(topic, pack);
  const values: Placeholders = {
    ...(form === 'noun-phrase'
      ? { topic: midSentence(topic, brief.language), Topic: topic }
      : { Standalone: standalone(topic, form, pack) }),
    audience: midSentence(audience, brief.language),
    Audience: addressed,
    listeners: midSentence(addressed, brief.language),
  };
  const seed = JSON.stringify(seedFields(brief));
  const chooser = new SeededChooser(hashSeed(seed));
  const drawer = new PhraseDrawer(chooser, values);
  // Past the hook, only the closing names the topic, so a script never says it more than twice.
  const { topic: _topic, Topic: _Topic, Standalone: _standalone, ...withoutTopic } = values;
  const plain = new PhraseDrawer(chooser, withoutTopic);
  const points = keyPointsForBeats(brief.keyPoints);
  const beatCount = Math.max(points.length, suggestedBeatCount(brief.durationSeconds));

  const hookWords = clamp(Math.round(targetWords * 0.15), 6, 14);
  const hooks =
    form !== 'noun-phrase'
      ? pack.standaloneHooks[form]
      : audience
        ? pack.hooks[brief.tone].withAudience
        : pack.hooks[brief.tone].general;
  // The tone's hook is drawn even when a style replaces it, so the rest of the script does not depend on the style.
  const toneHook = fill(drawer.draw(hooks, hookWords) ?? '{Topic}', values, pack.contractions);
  const stylePools = {
    styles: pack.hookStyles,
    topicStatistics: pack.topicStatistics,
    contractions: pack.contractions,
  };
  // A how-to asked as a question keeps its words: "Comment faire du pain?"
  const asked =
    form === 'howTo' && writtenHookStyle(brief) === 'question'
      ? fill('{Standalone}', { Standalone: standalone(topic, 'question', pack) })
      : toneHook;
  const hook = styledHook(brief, stylePools, values, seed, hookWords, asked) ?? toneHook;
  // The shortest videos (about 12 seconds or less) keep their few words for the topic and the key points.
  const cta =
    targetWords <= SHORT_SCRIPT_WORDS
      ? pack.shortCallToAction
      : fill(
          plain.draw(pack.callsToAction[brief.tone], clamp(Math.round(targetWords * 0.12), 5, 12)) ?? '',
          values,
          pack.contractions,
        );
  const perBeat = Math.max(4, (targetWords - countWords(hook) - countWords(cta)) / beatCount);

  const topicNoun = nounPhrase(topic, brief.language, pack.nounOrder, false) ?? topic;
  const shots = chooser.shuffled(pack.visualCues);
  const beats = planSlots(points.length, beatCount).map((slot, index): Beat => {
    const text =
      slot.kind === 'point'
        ? pointBeat(points, slot.index, pack, plain, chooser, values, perBeat)
        : framingBeat(slot.role, pack, slot.role === 'closing' ? drawer : plain, plain, values, perBeat);
    const point = slot.kind === 'point' ? points[slot.index] : undefined;
    const noun = (point && nounPhrase(point, brief.language, pack.nounOrder, true)) ?? topicNoun;
    return { text, visualCue: visualCue(shots[index % shots.length] ?? '{noun}', noun) };
  });

  topUp(beats, countWords(hook) + countWords(cta), targetWords, pack, plain, values);

  return { hook, beats, callToAction: cta };
}

type PackTopicForm = 'question' | 'howTo' | 'noun-phrase';

/** Per-language rules: "Comment faire …" is a how-to, "Pourquoi …" or "…?" a question, anything else a noun. */
function topicForm(topic: string, pack: LanguagePack): PackTopicForm {
  if (pack.howToTopic.test(topic)) return 'howTo';
  if (pack.questionTopic.test(topic) || /[?？]$/u.test(topic)) return 'question';
  return 'noun-phrase';
}

/** The topic as a sentence of its own: a question gets its question marks ("¿…?" in Spanish). */
function standalone(topic: string, form: Exclude<PackTopicForm, 'noun-phrase'>, pack: LanguagePack): string {
  const bare = topic.replace(/[.!?？:;]+$/u, '').trim();
  if (form === 'howTo') return bare;
  const opened = pack.language === 'es' && !bare.startsWith('¿') ? `¿${bare}` : bare;
  return `${opened}?`;
}

/** Only what shapes the words seeds the choices (style, palette or platforms do not change the script). */
function seedFields(brief: Brief): unknown[] {
  return [brief.topic, brief.keyPoints, brief.audience, brief.tone, brief.language, brief.durationSeconds];
}

/**
 * Where framing beats go around the key points: an opening question first, a closing recap last, and
 * contrasts and tips between the key points.
 */
function planSlots(pointCount: number, beatCount: number): Slot[] {
  const framingCount = beatCount - pointCount;
  const middles = Math.max(0, framingCount - 2);
  const middle: Slot[] = [];
  for (let i = 0; i < Math.max(pointCount, middles); i++) {
    if (i < pointCount) middle.push({ kind: 'point', index: i });
    if (i < middles) middle.push({ kind: 'framing', role: i % 2 === 0 ? 'insight' : 'tip' });
  }
  return [
    ...(framingCount >= 1 ? [{ kind: 'framing', role: 'opening' } as const] : []),
    ...middle,
    ...(framingCount >= 2 ? [{ kind: 'framing', role: 'closing' } as const] : []),
  ];
}

function pointBeat(
  points: string[],
  index: number,
  pack: LanguagePack,
  drawer: PhraseDrawer,
  chooser: SeededChooser,
  values: Placeholders,
  perBeat: number,
): string {
  const leads = pack.pointLeads;
  const pool =
    points.length === 1
      ? leads.only
      : index === 0
        ? leads.first
        : index === points.length - 1
          ? leads.last
          : leads.middle;
  let text = fill(chooser.pick(pool), { ...values, point: points[index] ?? '' }, pack.contractions);
  // Long videos with few key points: a short general follow-up keeps the pace without inventing facts.
  const room = perBeat - countWords(text);
  if (room >= 4) {
    const followUp = drawer.draw(pack.pointFollowUps, Math.round(room) + 1);
    if (followUp) text = `${text} ${fill(followUp, values, pack.contractions)}`;
  }
  return text;
}

/**
 * One or more framing sentences for the role, topped up with general contrasts and tips to fill the beat; the
 * lead sentence comes from `leads`, which may name the topic.
 */
function framingBeat(
  role: FramingRole,
  pack: LanguagePack,
  leads: PhraseDrawer,
  drawer: PhraseDrawer,
  values: Placeholders,
  perBeat: number,
): string {
  const lead = leads.draw(pack.framing[role], perBeat);
  const sentences = lead ? [fill(lead, values, pack.contractions)] : [];
  const extras = [pack.framing.insight, pack.framing.tip, pack.pointFollowUps];
  for (let turn = 0; turn < 12; turn++) {
    const words = countWords(sentences.join(' '));
    if (sentences.length > 0 && words >= perBeat * 0.8) break;
    const extra = drawer.draw(extras[turn % extras.length] ?? [], Math.max(4, Math.round(perBeat - words)));
    if (!extra) continue;
    if (sentences.length > 0 && countWords(extra) > perBeat - words + 3) break;
    const sentence = fill(extra, values, pack.contractions);
    // A closing recap stays last; extra tips go before it.
    if (role === 'closing') sentences.splice(sentences.length - 1, 0, sentence);
    else sentences.push(sentence);
  }
  return sentences.join(' ');
}

// At or under this many words (videos of about 12 seconds or less), a script keeps only its shortest forms.
const SHORT_SCRIPT_WORDS = 30;

// Within this many words of the target, a script is long enough (a general sentence is 5–12 words).
const TOP_UP_SLACK = 4;

/**
 * Beats are filled phrase by phrase and so end up a little short; this adds general sentences (contrasts, tips,
 * follow-ups) to the shortest middle beats until the script reaches the word target, never passing it by more
 * than the slack. The first and last beats keep their opening and closing roles.
 */
function topUp(
  beats: Beat[],
  otherWords: number,
  targetWords: number,
  pack: LanguagePack,
  drawer: PhraseDrawer,
  values: Placeholders,
): void {
  const extras = [pack.framing.insight, pack.framing.tip, pack.pointFollowUps];
  const middle = beats.length > 2 ? beats.slice(1, -1) : beats;
  let misses = 0;
  for (let turn = 0; turn < 24 && misses < extras.length; turn++) {
    const missing = targetWords - otherWords - beats.reduce((sum, beat) => sum + countWords(beat.text), 0);
    if (missing <= TOP_UP_SLACK) return;
    const extra = drawer.draw(extras[turn % extras.length] ?? [], missing + TOP_UP_SLACK);
    const sentence = extra ? fill(extra, values, pack.contractions) : null;
    if (!sentence || countWords(sentence) > missing + TOP_UP_SLACK) {
      misses++;
      continue;
    }
    misses = 0;
    const shortest = middle.reduce((a, b) => (countWords(b.text) < countWords(a.text) ? b : a));
    shortest.text = `${shortest.text} ${sentence}`;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
