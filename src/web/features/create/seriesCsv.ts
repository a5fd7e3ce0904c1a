/** The columns a series CSV may have, as the server reads them (src/domain/briefs-csv.ts). */
export const seriesColumns: { name: string; meaning: string }[] = [
  { name: 'topic', meaning: 'Required. What the video is about.' },
  { name: 'keyPoints', meaning: 'The points to make, separated by "|".' },
  { name: 'audience', meaning: 'Who it is for.' },
  { name: 'tone', meaning: 'friendly, bold, calm, funny or expert.' },
  { name: 'language', meaning: 'A language tag such as en, fr or pt-BR.' },
  { name: 'durationSeconds', meaning: 'Length, from 10 to 90.' },
  { name: 'stylePreset', meaning: 'clean, bold-pop, calm-gradient or tech-grid.' },
  { name: 'palette', meaning: 'Your own colours as hex codes, separated by "|".' },
  { name: 'platforms', meaning: 'tiktok, instagram and/or youtube, separated by "|".' },
  { name: 'voice', meaning: '"default" or "none".' },
  { name: 'captionStyle', meaning: 'karaoke, pop or clean.' },
  {
    name: 'hookStyle',
    meaning:
      'How the hook opens: question, statistic (states a number from the topic or key points; a question when there is none), story, bold-claim or how-to. Empty: matched to the tone.',
  },
  {
    name: 'music',
    meaning:
      'Background music under the voice: none, builtin:calm or builtin:bright, or library:<id> for an audio file of your media library.',
  },
];

export const exampleSeriesCsv = [
  'topic,keyPoints,audience,tone,durationSeconds,stylePreset,platforms,music,hookStyle',
  'Cold brew at home,Use coarse ground coffee|Steep it 12 hours in the fridge|Dilute it one to one,coffee lovers,friendly,30,calm-gradient,tiktok|instagram,builtin:calm,statistic',
  'Three stretches for desk workers,Roll your neck slowly|Open your shoulders|Twist gently in your chair,office workers,calm,20,clean,tiktok|youtube,builtin:bright,how-to',
  'How a password manager helps,One strong password to remember|Unique passwords everywhere|Autofill saves time,everyone online,expert,30,tech-grid,youtube,none,',
  '',
].join('\n');

/** A data: link, so downloading the example needs no request to the server. */
export const exampleSeriesHref = `data:text/csv;charset=utf-8,${encodeURIComponent(exampleSeriesCsv)}`;
