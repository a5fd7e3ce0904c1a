# syntax=docker/dockerfile:1
# AI Factory: one image for every role (ROLES=api, worker, scheduler or all three). docs/deploy/google-cloud.md.

# --- build: the server (tsc) and the web app (vite) into dist/ -------------------------------------------------
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- deps: production dependencies only, built on the same base as the runtime (native modules match) ----------
FROM node:20-bookworm-slim AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime: Node 20, Debian's ffmpeg, no compilers, not root ----------------------------------------------------
FROM node:20-bookworm-slim AS runtime
# ffmpeg renders and probes videos. The offline voice is espeak-ng compiled to WASM (an npm package): no apt package.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg ca-certificates tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/var/lib/ai-factory
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY bin ./bin
# The node image's unprivileged user; DATA_DIR is scratch space here (the store is Firestore, media a bucket).
RUN mkdir -p /var/lib/ai-factory && chown node:node /var/lib/ai-factory
USER node
EXPOSE 8080
# Cloud Run ignores HEALTHCHECK and uses its own probes (/healthz liveness, /readyz readiness); other runtimes use this.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# tini forwards SIGTERM to node, which drains (SHUTDOWN_GRACE_SECONDS) before it exits.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server/src/main.js"]
