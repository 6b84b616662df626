import { z } from 'zod';
import { TimeZone } from './dates.js';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'must be a valid email address' }));

/** NIST 800-63B: length over composition rules; the upper bound keeps hashing cheap to refuse. */
export const Password = z
  .string()
  .min(8, { error: 'must be at least 8 characters' })
  .max(256, { error: 'must be at most 256 characters' });

export const SignupInput = z
  .object({
    email: Email,
    password: Password,
    name: z.string().trim().min(1, { error: 'is required' }).max(100),
    inviteToken: z.string().max(200).optional().describe('Required when sign-up is by invitation'),
    timeZone: TimeZone.optional().describe("IANA zone for 'today' and times; the web app sends the browser's"),
  })
  .meta({ id: 'SignupInput' });
export type SignupInput = z.infer<typeof SignupInput>;

export const LoginInput = z
  .object({
    email: Email,
    password: z.string().min(1, { error: 'is required' }).max(256),
  })
  .meta({ id: 'LoginInput' });
export type LoginInput = z.infer<typeof LoginInput>;

export const Role = z.enum(['admin', 'member']);
export type Role = z.infer<typeof Role>;

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    timeZone: z.string().describe('IANA time zone, e.g. Europe/Berlin'),
    createdAt: z.string().describe('ISO 8601 instant (UTC)'),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Me = z
  .object({
    user: User,
    auth: z.enum(['session', 'token']).describe('How this request was authenticated'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const SignupMode = z.enum(['open', 'invite', 'closed']);
export type SignupMode = z.infer<typeof SignupMode>;

export const AuthConfig = z
  .object({
    signup: SignupMode.describe('Who may create an account right now'),
    hasUsers: z.boolean().describe('False until the first account (the admin) exists'),
  })
  .meta({ id: 'AuthConfig' });
export type AuthConfig = z.infer<typeof AuthConfig>;

export const UpdateProfileInput = z
  .object({
    name: z.string().trim().min(1, { error: 'is required' }).max(100).optional(),
    timeZone: TimeZone.optional(),
  })
  .meta({ id: 'UpdateProfileInput' });
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { error: 'is required' }).max(256),
    newPassword: Password,
  })
  .meta({ id: 'ChangePasswordInput' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
