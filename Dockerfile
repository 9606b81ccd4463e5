# syntax=docker/dockerfile:1
#
# Staffing desk image: the API (default command) and the BullMQ worker (`node dist/apps/worker/src/main.js`).
#   docker build -t staffing-desk .
#   docker run -p 3000:3000 -e JWT_SECRET=... staffing-desk          # embedded profile: SQLite under /app/data
# The production profile (MySQL 8.4 + Redis 7, API + worker) is docker-compose.yml.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install everything, compile, then drop the dev dependencies ----
FROM ${NODE_IMAGE} AS build

# better-sqlite3, argon2 and msgpackr-extract are native modules; they compile from source when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

# package.json's `allowScripts` policy (which install scripts may run) is read by npm 11; the base image ships npm 10.
ARG NPM_VERSION=11.19.1
RUN npm install -g npm@${NPM_VERSION} && npm --version

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build \
  && npm run build:web \
  && test -f dist/web/index.html \
  && test -f dist/apps/api/src/main.js \
  && test -f dist/apps/worker/src/main.js \
  && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: compiled code and production dependencies only, as the unprivileged `node` user ----
FROM ${NODE_IMAGE} AS runtime

ENV NODE_ENV=production
WORKDIR /app

# Code and dependencies stay owned by root (read-only to the service); only the data directory is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data

USER node
EXPOSE 3000

# No curl in slim images: ask the API itself with node's built-in fetch (503 = the database is down = unhealthy; a queue outage answers 200 "degraded": the API still serves).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/apps/api/src/main.js"]
