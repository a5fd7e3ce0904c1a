import { Readable } from 'node:stream';
import { auth as googleapisAuth, youtube } from '@googleapis/youtube';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCOPES } from './scopes.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  fakeMp4,
  REDIRECT_URI,
  startSandbox,
  type RunningSandbox,
} from './test-support.js';

const KIB256 = 262_144;
let sb: RunningSandbox;

beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(async () => {
  await sb.close();
});

/** OAuth2Client options pointing every Google endpoint at the sandbox (the library's documented overrides). */
function clientOptions(): {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  endpoints: { oauth2AuthBaseUrl: string; oauth2TokenUrl: string; oauth2RevokeUrl: string };
} {
  return {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    endpoints: {
      oauth2AuthBaseUrl: `${sb.auth}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${sb.oauth2}/token`,
      oauth2RevokeUrl: `${sb.oauth2}/revoke`,
    },
  };
}

/**
 * The OAuth2Client that @googleapis/youtube is typed against: googleapis-common carries its own copy of
 * google-auth-library, whose class is nominally distinct from the top-level one (same code, same options).
 */
function apiClient(): InstanceType<typeof googleapisAuth.OAuth2> {
  return new googleapisAuth.OAuth2({ ...clientOptions(), forceRefreshOnFailure: true });
}

/**
 * YOUTUBE_API_BASE_URL as the per-call `rootUrl`. The global `youtube({ rootUrl })` option is not enough:
 * googleapis-common resolves the path against it with `new URL('/youtube/v3/…', rootUrl)`, dropping any
 * path prefix of the base, and media uploads ignore it entirely (they would go to youtube.googleapis.com).
 */
function perCall(): { rootUrl: string } {
  return { rootUrl: `${sb.api}/` };
}

/** What the consent helper needs; both copies of OAuth2Client provide it. */
type AnyOauthClient = Pick<
  OAuth2Client,
  'generateCodeVerifierAsync' | 'generateAuthUrl' | 'getToken' | 'setCredentials'
>;

/** Consent through the library's own authorize URL (PKCE S256), then getToken with the verifier. */
async function connectWithLibrary(client: AnyOauthClient): Promise<{ access: string; refresh: string }> {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    scope: [SCOPES.upload, SCOPES.readonly],
    state: 'fidelity',
    code_challenge_method: CodeChallengeMethod.S256,
    code_challenge: codeChallenge,
  });
  sb.ctx.settings.autoConsent = 'public';
  const redirect = await fetch(url, { redirect: 'manual' });
  expect(redirect.status).toBe(302);
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const { tokens } = await client.getToken({ code, codeVerifier });
  client.setCredentials(tokens);
  expect(tokens.refresh_token).toBeTruthy();
  expect(tokens.scope).toBe(`${SCOPES.upload} ${SCOPES.readonly}`);
  return { access: tokens.access_token ?? '', refresh: tokens.refresh_token ?? '' };
}

const METADATA = {
  snippet: {
    title: 'Fidelity clip',
    description: 'googleapis → sandbox',
    tags: ['fidelity'],
    categoryId: '22',
  },
  status: { privacyStatus: 'public', selfDeclaredMadeForKids: false, containsSyntheticMedia: true },
};

function tokenCalls(): number {
  return sb.ctx.requests.list({ pathIncludes: '/google/oauth2/token' }).length;
}

describe('official Google client libraries against the sandbox', () => {
  it('google-auth-library: code exchange with PKCE, explicit refresh, and refresh-on-401 after expiry', async () => {
    const client = new OAuth2Client(clientOptions());
    const { access, refresh } = await connectWithLibrary(client);

    client.setCredentials({ refresh_token: refresh });
    const refreshed = await client.refreshAccessToken();
    expect(refreshed.credentials.access_token).toMatch(/^ya29\./);
    expect(refreshed.credentials.access_token).not.toBe(access);
    expect(refreshed.credentials.refresh_token).toBe(refresh);

    // A stored token the sandbox clock has expired: 401 authError → the library refreshes and retries once.
    sb.ctx.clock.advance(3600_000);
    const stored = new googleapisAuth.OAuth2(clientOptions());
    stored.setCredentials({ access_token: refreshed.credentials.access_token ?? '', refresh_token: refresh });
    const before = tokenCalls();
    const yt = youtube({ version: 'v3', auth: stored });
    const channels = await yt.channels.list({ part: ['snippet', 'statistics'], mine: true }, perCall());
    expect(channels.status).toBe(200);
    expect(channels.data.items?.[0]?.id).toMatch(/^UC/);
    expect(tokenCalls()).toBe(before + 1);

    // revokeToken kills the grant: the next refresh is invalid_grant, surfaced by the library as an error.
    await client.revokeToken(refresh);
    await expect(client.refreshAccessToken()).rejects.toThrow(/invalid_grant/);
  });

  it('@googleapis/youtube: videos.insert of a multi-chunk file, then videos.list of it', async () => {
    const client = apiClient();
    await connectWithLibrary(client);
    const yt = youtube({ version: 'v3', auth: client });
    const file = fakeMp4(3 * KIB256 + 4321);

    const inserted = await yt.videos.insert(
      {
        part: ['snippet', 'status'],
        notifySubscribers: false,
        requestBody: METADATA,
        media: { mimeType: 'video/mp4', body: Readable.from([file]) },
      },
      perCall(),
    );
    expect(inserted.status).toBe(200);
    const id = inserted.data.id ?? '';
    expect(inserted.data.status?.uploadStatus).toBe('uploaded');
    expect(inserted.data.snippet?.title).toBe('Fidelity clip');
    // The library sends metadata and media in one multipart/related request.
    expect(sb.ctx.requests.list({ pathIncludes: '/upload/youtube/v3/videos' })[0]?.query).toMatchObject({
      uploadType: 'multipart',
    });

    sb.ctx.clock.advance(6 * 3600_000);
    const listed = await yt.videos.list(
      { part: ['statistics', 'status', 'processingDetails', 'snippet'], id: [id] },
      perCall(),
    );
    const video = listed.data.items?.[0];
    expect(listed.data.items).toHaveLength(1);
    expect(video?.status?.uploadStatus).toBe('processed');
    expect(video?.processingDetails?.processingStatus).toBe('succeeded');
    expect(video?.statistics?.viewCount).toMatch(/^\d+$/);
    expect(Number(video?.statistics?.viewCount)).toBeGreaterThan(0);
  });

  it('@googleapis/youtube: the uploads playlist paged with playlistItems.list, then videos.list of a page', async () => {
    const client = apiClient();
    await connectWithLibrary(client);
    const yt = youtube({ version: 'v3', auth: client });
    const channels = await yt.channels.list({ part: ['contentDetails'], mine: true }, perCall());
    const playlistId = channels.data.items?.[0]?.contentDetails?.relatedPlaylists?.uploads ?? '';
    const videoIds: string[] = [];
    let pageToken: string | undefined;
    do {
      const items = await yt.playlistItems.list(
        { part: ['contentDetails', 'snippet'], playlistId, maxResults: 10, pageToken },
        perCall(),
      );
      for (const item of items.data.items ?? []) videoIds.push(item.contentDetails?.videoId ?? '');
      pageToken = items.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(videoIds).toHaveLength(sb.ctx.settings.world.historyVideos);
    const listed = await yt.videos.list(
      { part: ['statistics', 'contentDetails', 'snippet'], id: videoIds.slice(0, 10) },
      perCall(),
    );
    expect(listed.data.items?.map((v) => v.id)).toEqual(videoIds.slice(0, 10));
    expect(listed.data.items?.every((v) => /^PT(\d+M)?(\d+S)?$/.test(v.contentDetails?.duration ?? ''))).toBe(
      true,
    );
  });

  it('the library transport drives a chunked resumable upload: 200 + Location, 308 + Range, 201, videos.list', async () => {
    const client = apiClient();
    await connectWithLibrary(client);
    const file = fakeMp4(3 * KIB256 + 99);
    const init = await client.request<string>({
      url: `${sb.api}/upload/youtube/v3/videos`,
      method: 'POST',
      params: { uploadType: 'resumable', part: 'snippet,status' },
      headers: { 'X-Upload-Content-Length': String(file.length), 'X-Upload-Content-Type': 'video/mp4' },
      data: METADATA,
    });
    expect(init.status).toBe(200);
    const sessionUri = init.headers.get('location') ?? '';
    expect(sessionUri.startsWith(sb.api)).toBe(true);

    let videoId = '';
    for (let first = 0; first < file.length; first += KIB256) {
      const last = Math.min(first + KIB256, file.length) - 1;
      const res = await client.request<{ id?: string }>({
        url: sessionUri,
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${first}-${last}/${file.length}` },
        data: file.subarray(first, last + 1),
        validateStatus: (status) => status === 308 || (status >= 200 && status < 300),
      });
      if (last + 1 < file.length) {
        expect(res.status).toBe(308);
        expect(res.headers.get('range')).toBe(`bytes=0-${last}`);
      } else {
        expect(res.status).toBe(201);
        videoId = res.data.id ?? '';
      }
    }
    const yt = youtube({ version: 'v3', auth: client });
    const listed = await yt.videos.list({ part: ['status', 'snippet'], id: [videoId] }, perCall());
    expect(listed.data.items?.[0]?.snippet?.title).toBe('Fidelity clip');
  });
});
