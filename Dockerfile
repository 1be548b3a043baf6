# syntax=docker/dockerfile:1
# backup-jobs-bot: one image for every role. `docker run IMAGE` runs the bot; `docker run IMAGE worker`
# runs the alert worker; `demo`, `emulator` and `parse` work too (see README).
#
# Stage "build" compiles TypeScript with every dependency; the runtime stage holds dist/ and the
# production dependencies only, owned by root and run by the unprivileged `node` user.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
# PORT (bot: Slack's requests, and a bare /healthz for load balancers) and HEALTH_PORT (bot and
# worker: /healthz, /readyz, /metrics; keep it off the public network).
EXPOSE 3000 3001
# Healthy when /healthz answers 200 on HEALTH_PORT, where both the bot and the worker serve it.
# Slim images have no curl: Node's own fetch does the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 3001) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));"]
ENTRYPOINT ["node", "dist/main.js"]
CMD ["bot"]
