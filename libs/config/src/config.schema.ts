import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const millis = z.coerce
  .number({ message: 'must be a number of milliseconds' })
  .int()
  .min(100, 'must be at least 100 ms')
  .max(24 * 3_600_000);
const count = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1_000_000);
const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

/**
 * Every environment variable the service reads. Nothing else in the code reads process.env; see
 * the README for what each one does.
 */
export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { message: 'must be development, production or test' })
      .default('development'),
    PORT: port.default(3000),
    HOST: z.string().trim().min(1).optional(),
    PUBLIC_URL: url(['http:', 'https:']).optional(),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_OWNER_URL: url(['postgres:', 'postgresql:']).optional(),
    REDIS_URL: url(['redis:', 'rediss:']).optional(),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    // The organiser mailbox the invitations' answers arrive in (issue #16); unset: the local sink.
    REPLY_IMAP_URL: url(['imap:', 'imaps:']).optional(),
    REPLY_IMAP_USER: z.string().trim().min(1).max(320).optional(),
    REPLY_IMAP_PASSWORD: z.string().min(1).max(1000).optional(),
    REPLY_POLL_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int()
      .min(10)
      .max(3600)
      .default(60),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(
        /^([^<>"\r\n]+<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/,
        'must be an address or Name <address>',
      )
      .optional(),
    DATA_DIR: z.string().trim().min(1).default('.data'),
    EMBEDDED_PG_PORT: port.default(54329),
    MAIL_SINK_PORT: port.default(2525),
    DEMO_LOGIN: bool.optional(),
    // A directory of region configuration files (*.json, libs/regions/src/region-file.ts) that
    // adds its regions to the built-in four; relative to the working directory.
    REGION_DIR: z.string().trim().min(1).optional(),
    // The regions this installation serves, comma-separated; REGION is the one-region form of before.
    REGIONS: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*$/,
        'must be region keys separated by commas, such as co3-antwerpen,vlaams-brabant',
      )
      .optional(),
    REGION: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]+$/, 'must be a region key such as co3-antwerpen')
      .optional(),
    SESSION_TTL_HOURS: z.coerce
      .number({ message: 'must be a number of hours' })
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    SESSION_IDLE_MINUTES: z.coerce
      .number({ message: 'must be a number of minutes' })
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    LOGIN_LIMIT_WINDOW_MINUTES: z.coerce
      .number({ message: 'must be a number of minutes' })
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    LOGIN_LIMIT_PER_ADDRESS: count.default(5),
    LOGIN_LIMIT_PER_IP: count.default(20),
    UPLOADS_PER_PERSON: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).default(2),
    LOG_LEVEL: z
      .enum(['error', 'warn', 'log', 'debug', 'verbose'], {
        message: 'must be error, warn, log, debug or verbose',
      })
      .default('log'),
    REMINDERS: bool.optional(),
    WORKER_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1).max(64).default(4),
    // pg's pool counts the wait for a free connection in it too: a burst of requests beyond the
    // pool's size waits its turn (the ICO's lock queues aanmeldingen) instead of failing with 503.
    // A server that is down refuses at once, so this is only the limit for one that hangs.
    DB_CONNECT_TIMEOUT_MS: millis.default(15_000),
    DB_STATEMENT_TIMEOUT_MS: millis.default(30_000),
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis.default(60_000),
    // Single sign-on with the organisations' identity provider (OpenID Connect, code flow + PKCE).
    // One provider for the installation: every region's people log in through it.
    OIDC_ISSUER: url(['http:', 'https:']).optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).max(200).optional(),
    OIDC_CLIENT_SECRET: z.string().trim().min(16, 'must be at least 16 characters').max(500).optional(),
    OIDC_EMAIL_CLAIM: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_:./-]{1,100}$/, 'must be a claim name such as email')
      .default('email'),
    OIDC_REQUIRE_EMAIL_VERIFIED: bool.optional(),
    OIDC_SCOPES: z
      .string()
      .trim()
      .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be scopes separated by spaces')
      .refine((v) => v.split(' ').includes('openid'), 'must include openid')
      .default('openid email'),
    QUEUE_PREFIX: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]+$/i, 'must be letters, digits, - or _')
      .default('overlegtafels'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_OWNER_URL && !env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: "is required with DATABASE_OWNER_URL (it is the app role's connection)",
      });
    const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
    if (oidc.some((key) => env[key]))
      for (const key of oidc.filter((k) => !env[k]))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is required with the other OIDC_ settings (issuer, client id and secret go together)',
        });
    if (env.REPLY_IMAP_URL && (!env.REPLY_IMAP_USER || !env.REPLY_IMAP_PASSWORD))
      ctx.addIssue({
        code: 'custom',
        path: [env.REPLY_IMAP_USER ? 'REPLY_IMAP_PASSWORD' : 'REPLY_IMAP_USER'],
        message: 'is required with REPLY_IMAP_URL',
      });
    if (env.REGIONS && env.REGION)
      ctx.addIssue({
        code: 'custom',
        path: ['REGION'],
        message: 'cannot be set beside REGIONS (REGIONS replaces it)',
      });
    if (env.NODE_ENV !== 'production') return;
    if (env.OIDC_ISSUER && !env.OIDC_ISSUER.startsWith('https://'))
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'must be an https:// URL when NODE_ENV=production',
      });
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
    }
    if (env.DEMO_LOGIN)
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_LOGIN'],
        message: 'cannot be enabled when NODE_ENV=production',
      });
  });

export type RawEnv = z.infer<typeof envSchema>;
