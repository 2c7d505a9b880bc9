import { defineConfig } from 'prisma/config';

// Used by `prisma generate` (scripts/prisma-generate.mjs). Migrations are plain SQL files in
// prisma/migrations, applied by the project's own migrator at start-up.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
