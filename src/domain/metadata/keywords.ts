/**
 * Picks the words that carry meaning (for hashtags, tags and picture descriptions) by dropping function words
 * and very common verbs. Small per-language lists; other languages only drop very short words.
 */

const STOPWORDS: Record<string, string> = {
  en: `a an the and or but nor so yet of to in on at by for with from into onto about over under up down out off
    as than then that this these those there here it its it's is are was were be been being am do does did done
    have has had having will would can could should may might must shall not no yes you your yours you're we our
    us they their them he she his her him i me my mine what which who whom whose why how when where all any
    each every some more most much many very too also just only even still really own same other such both
    few less least lot lots get gets got make makes made use uses used using try tries keep keeps let lets need
    needs want wants go goes going know see way ways thing things something one ones tip tips step steps best
    better before after while during until because without through between around again two three four five
    six seven eight nine ten eleven twelve twenty hundred thousand first second third often always never
    sometimes usually`,
  fr: `le la les l un une des du de d au aux et ou mais donc or ni car ce cet cette ces ça cela c il elle ils
    elles on nous vous je tu me te se moi toi lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre
    vos qui que qu quoi dont où quand comment pourquoi est sont était être avoir a ont ai as fait faire plus
    moins très trop aussi bien pas ne n y en dans sur sous pour par avec sans chez entre vers comme tout tous
    toute toutes chaque même autre autres peu beaucoup utiliser utilisez utilise essayez essayer gardez
    prenez faites voici voilà chose choses astuce astuces étape étapes
    souvent toujours jamais parfois`,
  es: `el la los las lo un una unos unas y o u pero ni que de del a al en con sin por para sobre entre hacia
    desde como es son era ser estar está están hay ha han he haber hace hacer más menos muy también tan
    tanto ya no sí se su sus tu tus mi mis nuestro nuestra nuestros vuestra yo tú él ella ellos ellas nosotros
    usted ustedes te me le les nos este esta estos estas ese esa esos esas eso esto qué cuál cómo cuándo donde
    dónde porque todo todos toda todas cada mismo otro otra otros poco mucho usa usar prueba probar mantén
    cosa cosas consejo consejos paso pasos
    siempre nunca veces`,
  de: `der die das den dem des ein eine einen einem einer eines und oder aber doch denn sondern zu zum zur
    im in an am auf aus bei mit nach von vor über unter für ohne um durch gegen als wie wenn dass ob ist sind
    war waren sein bin bist seid hat haben hatte wird werden kann können soll sollte muss müssen nicht kein
    keine ja nein du dein deine ihr euer wir uns unser er sie es ich mich mir man was wer warum wo wann
    welche welcher dies diese dieser dieses jeder jede alle mehr weniger sehr auch nur noch schon so sich
    nutze nutzen benutze probiere versuche mach mache machen halte ding dinge tipp tipps schritt schritte
    oft immer nie manchmal`,
  pt: `o a os as um uma uns umas e ou mas nem que de do da dos das em no na nos nas ao aos à às por pelo pela
    para com sem sobre entre como é são era ser estar está estão há tem têm ter faz fazer mais menos muito
    muita também tão já não sim se seu sua seus suas teu tua meu minha nosso nossa eu tu ele ela eles elas
    nós você vocês te me lhe este esta estes estas esse essa esses essas isso isto qual quais quando onde
    porque todo todos toda todas cada mesmo outro outra outros pouco use usar experimente tente mantenha
    coisa coisas dica dicas passo passos
    sempre nunca vezes`,
  it: `il lo la i gli le un uno una e o ma né che di del dello della dei degli delle a al allo alla ai agli
    alle da dal dalla in nel nello nella nei nelle su sul sulla con senza per tra fra come è sono era essere
    stare sta stanno ha hanno avere fa fare più meno molto molta anche già non sì si suo sua suoi sue tuo tua
    mio mia nostro nostra io tu lui lei loro noi voi ti mi gli ci vi questo questa questi queste quello
    quella ciò cosa cose quale quando dove perché tutto tutti tutta tutte ogni stesso altro altra altri poco
    usa usare prova provare tieni consiglio consigli passo passi
    spesso sempre mai volte`,
};

const stopwordSets = new Map(
  Object.entries(STOPWORDS).map(([language, words]) => [
    language,
    new Set(words.split(/\s+/).filter(Boolean)),
  ]),
);

// Languages that glue an article or preposition to the next word: "l'eau", "dell'acqua".
const ELIDING_LANGUAGES = new Set(['fr', 'it']);

/** The primary subtag of a BCP 47 tag, lower-cased ("pt-BR" → "pt"). */
export function primaryLanguage(language: string): string {
  return (language.split(/[-_]/)[0] ?? '').toLowerCase();
}

/** True when the word is a function word or a very common verb in that language. */
export function isStopword(word: string, language: string): boolean {
  const lower = word.toLocaleLowerCase();
  const set = stopwordSets.get(primaryLanguage(language));
  if (!set) return lower.length < 3;
  return set.has(lower) || lower.length < 2;
}

/** The words of a text (letters, digits, inner apostrophes and hyphens), in order. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Runs of consecutive meaningful words: "Use coarse ground coffee for a smoother taste" →
 * [["coarse","ground","coffee"],["smoother","taste"]]. Elisions such as "l'eau" keep only the noun.
 */
export function contentWordRuns(text: string, language: string): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  const elides = ELIDING_LANGUAGES.has(primaryLanguage(language));
  for (const raw of wordsOf(text)) {
    const word = elides ? raw.replace(/^\p{L}{1,5}['’](?=\p{L}{2})/u, '') : raw;
    // An elided article or preposition ("d'intérieur") ends the run, as the full word would have.
    if (word !== raw && current.length) {
      runs.push(current);
      current = [];
    }
    if (isStopword(word, language) || isStopword(raw, language) || /^\p{N}+$/u.test(word)) {
      if (current.length) runs.push(current);
      current = [];
    } else {
      current.push(word);
    }
  }
  if (current.length) runs.push(current);
  return runs;
}

/** The meaningful words of a text, lower-cased, without repeats, in order of first appearance. */
export function keywordsOf(text: string, language: string): string[] {
  const seen = new Set<string>();
  for (const run of contentWordRuns(text, language)) {
    for (const word of run) seen.add(word.toLocaleLowerCase());
  }
  return [...seen];
}
