import { z } from 'zod';

/** How the pages name the operator of a self-hosted install that did not say who it is. */
export const DEFAULT_OPERATOR_NAME = 'the person or organisation who runs this installation';

/** Who runs this install, as the public privacy policy and terms name them (defaults describe a self-hosted install). */
export const privacySettings = {
  OPERATOR_NAME: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      `Who runs this install (the data controller), as /privacy and /terms name them; unset: "${DEFAULT_OPERATOR_NAME}"`,
    ),
  OPERATOR_CONTACT_EMAIL: z
    .email()
    .optional()
    .describe(
      'Where people write about their data and the terms; unset: the pages say to contact the administrator of this install',
    ),
  SERVICE_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((u) => u?.replace(/\/+$/, ''))
    .describe('The address of the service the policy and terms cover; unset: PUBLIC_BASE_URL'),
  POLICY_EFFECTIVE_DATE: z.iso
    .date()
    .optional()
    .describe('The date (YYYY-MM-DD) the policy and terms take effect; unset: none is shown'),
};
