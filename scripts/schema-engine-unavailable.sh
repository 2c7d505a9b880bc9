#!/bin/sh
echo "The Prisma schema engine is not installed here; migrations run with 'npm run cli -- migrate'." >&2
exit 1
