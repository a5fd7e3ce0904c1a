/** The style presets as people pick them, shared by the server (which renders them) and the web app (swatches). */
export const STYLE_PRESET_CATALOG = [
  {
    id: 'clean',
    name: 'Clean',
    description: 'Quiet slate and teal backgrounds with simple captions: lets the message speak.',
    palette: ['#1f2937', '#334155', '#0f766e'],
  },
  {
    id: 'bold-pop',
    name: 'Bold pop',
    description:
      'Bright magenta, violet and orange, bouncing dots and big key words: made to stop the scroll.',
    palette: ['#be185d', '#6d28d9', '#c2410c', '#1d4ed8'],
  },
  {
    id: 'calm-gradient',
    name: 'Calm gradient',
    description: 'Soft deep-sea gradients and slow zooms: for gentle, reflective topics.',
    palette: ['#0f4c5c', '#2a6f97', '#5c4d7d', '#335c67'],
  },
  {
    id: 'tech-grid',
    name: 'Tech grid',
    description: 'Dark navy with cyan and indigo grids, word-by-word captions: for tech, data and how-tos.',
    palette: ['#0b1020', '#1e293b', '#0e7490', '#4338ca'],
  },
] as const;

export type StylePresetCatalogEntry = (typeof STYLE_PRESET_CATALOG)[number];
