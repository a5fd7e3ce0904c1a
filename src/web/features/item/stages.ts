import { STAGES, type Stage } from '../../../domain/content-item.js';

/** The factory line, in the order the server runs it. */
export const stages = STAGES;
export type StageName = Stage;

export function isStage(name: string): name is StageName {
  return (stages as readonly string[]).includes(name);
}

export const stageNames: Record<StageName, string> = {
  script: 'Script',
  voice: 'Voice-over',
  visuals: 'Visuals',
  captions: 'Captions',
  render: 'Render',
  cover: 'Cover',
  metadata: 'Platform texts',
  preflight: 'Platform checks',
};

/** What each stage does, said while it runs. */
export const stageActivities: Record<StageName, string> = {
  script: 'Writing the script',
  voice: 'Recording the voice-over',
  visuals: 'Choosing the pictures',
  captions: 'Timing the captions',
  render: 'Rendering the video',
  cover: 'Making the cover image',
  metadata: 'Writing captions, titles and tags',
  preflight: 'Checking the video against platform rules',
};

/** What it means for the person when a stage fails, before the technical reason. */
export const stageFailures: Record<StageName, string> = {
  script: 'The script could not be written.',
  voice: 'The voice-over could not be recorded.',
  visuals: 'The pictures for the video could not be prepared.',
  captions: 'The captions could not be timed to the voice.',
  render: 'The video could not be rendered.',
  cover: 'The cover image could not be made.',
  metadata: 'The captions, titles and tags for the platforms could not be written.',
  preflight: 'The finished video could not be checked against the platform rules.',
};

export function stageName(name: string): string {
  return isStage(name) ? stageNames[name] : name;
}
