# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=optional
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# Runtime stage: production dependencies only (no bundled Meilisearch binary), non-root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev --omit=optional && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY indexing ./indexing
USER node
EXPOSE 3000
# The old-space caps keep V8 collecting before the processes outgrow their memory budgets.
CMD ["node", "--max-old-space-size=128", "--max-semi-space-size=4", "dist/apps/search-api/src/main.js"]
