import { DATA_KINDS } from './data-kinds.js';
import { list, p, type Block, type Inline, type PublicDocument, type Section } from './policy-document.js';
import { PLATFORM_NAMES, PLATFORM_POLICY_URLS, SCOPE_MEANINGS, type PolicyFacts } from './policy-facts.js';

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** How to reach the operator, in words and (when configured) a mail link. */
export function contactOf(facts: PolicyFacts): Inline[] {
  const email = facts.operator.contactEmail;
  return email
    ? [`${facts.operator.name}, at `, { text: email, href: `mailto:${email}` }]
    : [`${facts.operator.name}: contact the administrator of this install`];
}

function lede(facts: PolicyFacts): Inline[] {
  return [
    `This covers AI Factory at ${facts.serviceUrl}, run by ${facts.operator.name}.`,
    facts.effectiveDate ? ` In effect since ${facts.effectiveDate}.` : '',
  ];
}

function platformSection(facts: PolicyFacts): Section {
  const blocks: Block[] = [
    p(
      'You choose which accounts to connect. Each platform asks you to agree to exactly these permissions (scopes); ',
      'an account connects only when every one of them is granted, and the product uses them for nothing else.',
    ),
  ];
  for (const { platform, scopes } of facts.platforms) {
    const name = PLATFORM_NAMES[platform];
    if (scopes === null) {
      blocks.push(p(`${name}: not set up on this install, so no ${name} account can be connected.`));
      continue;
    }
    blocks.push(
      p(`${name} (`, { text: `${name}’s privacy policy`, href: PLATFORM_POLICY_URLS[platform] }, '):'),
    );
    blocks.push({
      kind: 'list',
      mark: { name: 'scopes', value: platform },
      items: scopes.map((scope) => ({
        id: scope,
        text: [{ code: scope }, ` — ${SCOPE_MEANINGS[scope] ?? 'as the platform describes it'}`],
      })),
    });
  }
  blocks.push(
    p(
      'Your video, its caption or title, and its settings go to the platform you publish to, when you publish. ',
      'The product reads back the public statistics of what it published (and of your earlier posts, to learn from them). ',
      'For each connected account it shows the account id, display name and avatar.',
    ),
  );
  if (facts.sandbox)
    blocks.push(
      p(
        'This install runs the built-in platform sandbox: connections and publications stay inside it and reach no real platform.',
      ),
    );
  return { id: 'platforms', heading: 'The platforms your videos go to', blocks };
}

function providerSection(facts: PolicyFacts): Section {
  const blocks: Block[] =
    facts.aiProviders.length === 0
      ? [
          p(
            'None. This install writes scripts, speaks voice-overs and draws visuals with engines that run on its own server; your briefs and scripts leave it for no AI provider.',
          ),
        ]
      : [
          p('The operator configured these outside providers. Only what each needs is sent to it:'),
          {
            kind: 'list',
            mark: { name: 'providers', value: 'ai' },
            items: facts.aiProviders.map((a) => ({
              id: a.host,
              text: [`${a.name} at `, { code: a.host }, ` receives ${a.receives}.`],
            })),
          },
        ];
  return { id: 'ai-providers', heading: 'AI providers', blocks };
}

function tokenSection(facts: PolicyFacts): Section {
  return {
    id: 'tokens',
    heading: 'Access tokens',
    blocks: [
      p(
        'When you connect an account, the platform gives the product an access token and (except Instagram) a refresh token. ',
        'They are kept only to publish on your behalf and to refresh themselves before they expire.',
      ),
      list(
        [
          `They are encrypted (AES-256-GCM, with keys kept apart from the ${facts.store.engine} store) and only the server can decrypt them, for the one call that needs them.`,
        ],
        ['They are never shown in full: pages, exports and logs show only a masked form.'],
        ['They travel only over HTTPS to the platform that issued them.'],
        [
          'They are deleted when you disconnect the account, when you revoke access on the platform, or when the platform stops accepting them.',
        ],
      ),
    ],
  };
}

function storageSection(facts: PolicyFacts): Section {
  const mail: Inline =
    facts.mail.kind === 'smtp'
      ? `Mail (sign-up, invitations, password resets) is sent through the mail server at ${facts.mail.host}.`
      : 'Mail (sign-up, invitations, password resets) is written to a folder of the install for its administrator to deliver; no mail service is used.';
  return {
    id: 'storage',
    heading: 'Where it is stored',
    blocks: [
      p(`Records are kept in ${facts.store.engine}: ${facts.store.location}.`),
      p(`Media files are kept in ${facts.mediaLocation}.`),
      p(mail),
    ],
  };
}

function retentionSection(facts: PolicyFacts): Section {
  const { sessionDays, invitationDays, passwordResetMinutes } = facts.lifetimes;
  const days = facts.retentionDefaults.unpublishedMediaDays;
  return {
    id: 'retention',
    heading: 'How long it is kept',
    blocks: [
      list(
        [`A sign-in lasts ${sessionDays} days, then its session is deleted.`],
        [
          `An invitation link works for ${invitationDays} days; a password reset link for ${passwordResetMinutes} minutes.`,
        ],
        [
          days === null
            ? 'By default, rendered media of items never published are kept.'
            : `By default, the rendered video, cover and voice-over of an item never published are deleted ${days} days after its last change (the item stays and can be made again).`,
        ],
        [
          facts.retentionDefaults.statsOnDisconnect === 'keep'
            ? 'By default, the statistics of a disconnected account are kept; an owner can have them deleted on disconnect instead.'
            : 'By default, the statistics of a disconnected account are deleted when it is disconnected.',
        ],
      ),
      p(
        'Owners change the last two in Privacy → Retention. A scheduled job deletes expired media every day; statistics go, if chosen, when the account is disconnected or its access revoked. Everything else is kept as the list above says, until you delete it.',
      ),
    ],
  };
}

function rightsSection(facts: PolicyFacts): Section {
  return {
    id: 'rights',
    heading: 'Your rights, and where to use them',
    blocks: [
      list(
        [
          'See and disconnect your connected accounts: ',
          { text: 'Privacy → Connected accounts', href: '/privacy-center' },
          ' or Connections.',
        ],
        ['Get a copy of your data: ', { text: 'Privacy → Download my data', href: '/privacy-center' }, '.'],
        [
          'Have your data deleted: ',
          { text: 'Privacy → Delete my account', href: '/privacy-center' },
          '; an owner deletes a whole workspace in ',
          { text: 'Settings → Delete this workspace', href: '/settings' },
          '.',
        ],
        ['Or write to ', ...contactOf(facts), ' for any of these, or to correct your data.'],
      ),
    ],
  };
}

/** The privacy policy, made from what the install actually does. */
export function privacyPolicy(facts: PolicyFacts): PublicDocument {
  return {
    title: 'Privacy policy',
    lede: lede(facts),
    sections: [
      {
        id: 'who',
        heading: 'Who is responsible',
        blocks: [
          p('This install is run by ', ...contactOf(facts), '.'),
          p(
            'AI Factory makes short videos from your briefs, lets people review them, publishes them to the accounts you connect, and shows how they do.',
          ),
        ],
      },
      {
        id: 'data',
        heading: 'What is kept, why, and for how long',
        blocks: [
          {
            kind: 'list',
            mark: { name: 'kinds', value: 'all' },
            items: DATA_KINDS.map((k) => ({
              id: k.id,
              text: [`${k.title}. Why: ${lowerFirst(k.purpose)}. Kept: ${lowerFirst(k.retention)}.`],
            })),
          },
        ],
      },
      storageSection(facts),
      platformSection(facts),
      tokenSection(facts),
      providerSection(facts),
      retentionSection(facts),
      rightsSection(facts),
      {
        id: 'not-done',
        heading: 'What is not done',
        blocks: [
          p(
            'No advertising, no trackers or analytics scripts, no data brokers, and your data is sold to no one. ',
            'The only cookie is the session cookie that keeps you signed in; the pins you set on recommendations stay in your browser’s local storage. ',
            'Pages load nothing from other sites.',
          ),
        ],
      },
      { id: 'contact', heading: 'Contact', blocks: [p('Write to ', ...contactOf(facts), '.')] },
    ],
  };
}

/** Short, plain terms of service. */
export function termsOfService(facts: PolicyFacts): PublicDocument {
  return {
    title: 'Terms of service',
    lede: lede(facts),
    sections: [
      {
        id: 'service',
        heading: 'The service',
        blocks: [
          p(
            `This install of AI Factory is run by ${facts.operator.name}. AI Factory is software that turns briefs into short vertical videos, has people review them, and publishes them to the TikTok, Instagram and YouTube accounts you connect.`,
          ),
        ],
      },
      {
        id: 'use',
        heading: 'Using the platforms',
        blocks: [
          list(
            ['Connect only accounts you are allowed to publish to.'],
            [
              'Follow each platform’s terms and community rules: what you publish goes out under your account, through their APIs, as you approved it.',
            ],
            ['Do not use the service to send spam, mislead people, or break the law.'],
          ),
        ],
      },
      {
        id: 'content',
        heading: 'Your content',
        blocks: [
          p(
            'Your briefs, uploads and videos stay yours. The operator keeps and processes them only to run the service for you, as the ',
            { text: 'privacy policy', href: '/privacy' },
            ' says.',
          ),
        ],
      },
      {
        id: 'warranty',
        heading: 'No warranty',
        blocks: [
          p(
            'The software is provided as it is, without warranty. On a self-hosted install the operator, not the authors of the software, answers for how it is run.',
          ),
        ],
      },
      {
        id: 'ending',
        heading: 'Ending',
        blocks: [
          p(
            'You may stop at any time: disconnect your accounts and delete your account in the Privacy page. The operator may suspend accounts that break these terms.',
          ),
        ],
      },
      { id: 'contact', heading: 'Contact', blocks: [p('Write to ', ...contactOf(facts), '.')] },
    ],
  };
}
