# syntax=docker/dockerfile:1
# Relance image: one image for both deployment entries.
#   API (default):  docker run relance
#   worker:         docker run relance node dist/worker-main.mjs
# `npm run build` bundles each entry into one ES module (dist/*.mjs: a third of the resident
# memory of loading hundreds of modules one by one) and builds the workflow bundle, so a worker
# start only loads dist/workflows-<hash>.js instead of bundling for seconds.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- all dependencies (dev included: the bundler runs at build time) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---- bundled entries and workflow bundle ----
FROM deps AS build
COPY . .
RUN npm run build

# ---- production dependencies only, installed from the same lockfile ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=prod-deps /app/node_modules ./node_modules
# Sources stay root-owned (read-only for the app user). The bundle's name is a hash of
# workflows/, domain/ and package-lock.json, which are byte-identical to the build stage's,
# so the worker finds it; dist/ is writable only in case it ever has to rebuild it.
COPY . .
COPY --from=build --chown=node:node /app/dist ./dist
# Non-root: the official image's `node` user, by number so runtimes (runAsNonRoot) can verify it.
USER 1000:1000
EXPOSE 3000
# /health answers 200 when the database and Temporal both answer. For the API only: the
# worker serves no HTTP, so its container disables this check (see docker-compose.yml).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node as PID 1 (not npm) so SIGTERM reaches the graceful shutdown in runtime/shutdown.ts.
CMD ["node", "dist/api-main.mjs"]
