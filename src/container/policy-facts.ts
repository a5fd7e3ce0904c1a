import type { PlatformAccess } from '../config/platforms.js';
import { DEFAULT_OPERATOR_NAME } from '../config/privacy.schema.js';
import type { Config } from '../config/schema.js';
import type { Platform } from '../domain/connection.js';
import { DEFAULT_RETENTION } from '../domain/people.js';
import type { PolicyFacts } from '../domain/privacy/policy-facts.js';
import type { ConnectorSet } from '../services/connectors.js';
import { configuredStoreFacts } from './store.js';

const PLATFORMS: Platform[] = ['tiktok', 'instagram', 'youtube'];

const hostOf = (url: string): string => new URL(url).host;

/** The outside AI providers this configuration sends data to: names and hosts, never keys. */
function aiProviders(config: Config): PolicyFacts['aiProviders'] {
  const providers: PolicyFacts['aiProviders'] = [];
  const briefs = 'your brief (topic, key points, tone) to write the script';
  if (config.SCRIPT_PROVIDER === 'openai')
    providers.push({
      name: 'An OpenAI-compatible API',
      host: hostOf(config.OPENAI_BASE_URL),
      receives: briefs,
    });
  if (config.SCRIPT_PROVIDER === 'anthropic')
    providers.push({ name: 'Anthropic', host: hostOf(config.ANTHROPIC_BASE_URL), receives: briefs });
  const script = 'the script’s words, to speak the voice-over';
  if (config.VOICE_PROVIDER === 'openai')
    providers.push({
      name: 'OpenAI text to speech',
      host: hostOf(config.OPENAI_TTS_BASE_URL),
      receives: script,
    });
  if (config.VOICE_PROVIDER === 'google')
    providers.push({
      name: 'Google Cloud Text-to-Speech',
      host: hostOf(config.GOOGLE_TTS_BASE_URL),
      receives: script,
    });
  if (config.VOICE_PROVIDER === 'elevenlabs')
    providers.push({ name: 'ElevenLabs', host: hostOf(config.ELEVENLABS_BASE_URL), receives: script });
  if (config.PEXELS_API_KEY)
    providers.push({
      name: 'Pexels stock media',
      host: hostOf(config.PEXELS_BASE_URL),
      receives: 'search words from the script’s visual cues, to find stock pictures and clips',
    });
  return providers;
}

/** The facts of this install the public privacy policy and terms are made from. */
export function policyFacts(
  config: Config,
  platforms: PlatformAccess,
  connectors: ConnectorSet,
): PolicyFacts {
  return {
    operator: {
      name: config.OPERATOR_NAME ?? DEFAULT_OPERATOR_NAME,
      contactEmail: config.OPERATOR_CONTACT_EMAIL ?? null,
    },
    serviceUrl: config.SERVICE_URL ?? config.PUBLIC_BASE_URL,
    effectiveDate: config.POLICY_EFFECTIVE_DATE ?? null,
    store: configuredStoreFacts(config),
    mediaLocation: 'the media folder of this install’s data folder (DATA_DIR/media)',
    platforms: PLATFORMS.map((platform) => ({
      platform,
      scopes: connectors[platform]?.requestedScopes ?? null,
    })),
    sandbox: platforms.sandbox,
    aiProviders: aiProviders(config),
    mail: config.SMTP_URL ? { kind: 'smtp', host: new URL(config.SMTP_URL).hostname } : { kind: 'outbox' },
    lifetimes: {
      sessionDays: config.SESSION_TTL_DAYS,
      invitationDays: config.INVITATION_TTL_DAYS,
      passwordResetMinutes: config.PASSWORD_RESET_TTL_MINUTES,
    },
    retentionDefaults: DEFAULT_RETENTION,
  };
}
