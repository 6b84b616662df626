import {
  AuthConfig,
  ChangePasswordInput,
  CreatedInvite,
  CreatedToken,
  CreateInviteInput,
  CreateTokenInput,
  IdParams,
  InviteList,
  LoginInput,
  Me,
  SignupInput,
  TokenList,
  UpdateProfileInput,
  User,
} from '@atom/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { UsersTable } from '../db/schema.js';
import { clearSessionCookies, setSessionCookies } from '../platform/auth/cookies.js';
import { csrfTokenFor } from '../platform/auth/csrf.js';
import { createSession, deleteSession } from '../platform/auth/sessions.js';
import { route, type RouteDef } from '../platform/http/route.js';
import { createInvite, listInvites, revokeInvite } from './invites.js';
import { login } from './login.js';
import { presentUser } from './presenters.js';
import { changePassword, updateProfile } from './profile.js';
import { signup } from './signup.js';
import { effectiveSignupMode } from './signup-mode.js';
import { createToken, listTokens, revokeToken } from './tokens.js';

async function startSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, user: UsersTable) {
  const session = await createSession(ctx, user.id, { userAgent: req.headers['user-agent'], ip: req.ip });
  setSessionCookies(reply, ctx.config, session.secret, session.csrfToken);
  return presentUser(user);
}

export const accountRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/api/v1/auth/config',
    summary: 'Who may sign up right now',
    tags: ['Auth'],
    auth: 'public',
    response: AuthConfig,
    handler: async ({ ctx }) => {
      const { mode, hasUsers } = await effectiveSignupMode(ctx);
      return { signup: mode, hasUsers };
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/auth/signup',
    summary: 'Create an account and sign in',
    description:
      'The first account becomes the administrator. Afterwards ATOM_SIGNUP decides: open, invite (an `inviteToken` from an invitation link is required) or closed.',
    tags: ['Auth'],
    auth: 'public',
    body: SignupInput,
    response: User,
    status: 201,
    handler: async ({ ctx, body, req, reply }) => startSession(ctx, req, reply, await signup(ctx, body, { ip: req.ip })),
  }),
  route({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    description: 'Sets an httpOnly session cookie and a readable atom_csrf cookie. 10 failures in 15 minutes per account and address answer 429.',
    tags: ['Auth'],
    auth: 'public',
    body: LoginInput,
    response: User,
    handler: async ({ ctx, body, req, reply }) => startSession(ctx, req, reply, await login(ctx, body, { ip: req.ip })),
  }),
  route({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End this session',
    tags: ['Auth'],
    auth: 'public',
    response: null,
    handler: async ({ ctx, actor, reply }) => {
      if (actor?.sessionId) await deleteSession(ctx, actor.sessionId);
      clearSessionCookies(reply);
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The signed-in user',
    tags: ['Profile'],
    auth: 'user',
    response: Me,
    handler: async ({ ctx, actor, reply }) => {
      if (actor.sessionId) {
        // Re-issue the CSRF cookie so a web app that lost it (cleared cookies) recovers.
        void reply.setCookie('atom_csrf', csrfTokenFor(ctx, actor.sessionId), {
          path: '/',
          sameSite: 'lax',
          secure: ctx.config.secureCookies,
        });
      }
      return { user: presentUser(actor.user), auth: actor.via };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/v1/me',
    summary: 'Update the profile',
    tags: ['Profile'],
    auth: 'user',
    body: UpdateProfileInput,
    response: User,
    handler: async ({ ctx, actor, body }) => presentUser(await updateProfile(ctx, actor, body)),
  }),
  route({
    method: 'POST',
    url: '/api/v1/me/password',
    summary: 'Change the password (signs out other sessions)',
    tags: ['Profile'],
    auth: 'user',
    body: ChangePasswordInput,
    response: null,
    handler: async ({ ctx, actor, body }) => changePassword(ctx, actor, body),
  }),
  route({
    method: 'GET',
    url: '/api/v1/tokens',
    summary: 'List personal access tokens',
    tags: ['Tokens'],
    auth: 'user',
    response: TokenList,
    handler: async ({ ctx, actor }) => ({ items: await listTokens(ctx, actor) }),
  }),
  route({
    method: 'POST',
    url: '/api/v1/tokens',
    summary: 'Create a personal access token',
    description: 'The `token` is returned once; only its hash is stored. Use it as `Authorization: Bearer <token>`.',
    tags: ['Tokens'],
    auth: 'user',
    body: CreateTokenInput,
    response: CreatedToken,
    status: 201,
    handler: async ({ ctx, actor, body }) => createToken(ctx, actor, body),
  }),
  route({
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    summary: 'Revoke a personal access token',
    tags: ['Tokens'],
    auth: 'user',
    params: IdParams,
    response: null,
    handler: async ({ ctx, actor, params }) => revokeToken(ctx, actor, params.id),
  }),
  route({
    method: 'GET',
    url: '/api/v1/invites',
    summary: 'List invitations (administrator)',
    tags: ['Invites'],
    auth: 'admin',
    response: InviteList,
    handler: async ({ ctx, actor }) => ({ items: await listInvites(ctx, actor) }),
  }),
  route({
    method: 'POST',
    url: '/api/v1/invites',
    summary: 'Create an invitation link (administrator)',
    tags: ['Invites'],
    auth: 'admin',
    body: CreateInviteInput,
    response: CreatedInvite,
    status: 201,
    handler: async ({ ctx, actor, body }) => createInvite(ctx, actor, body),
  }),
  route({
    method: 'DELETE',
    url: '/api/v1/invites/:id',
    summary: 'Withdraw an unused invitation (administrator)',
    tags: ['Invites'],
    auth: 'admin',
    params: IdParams,
    response: null,
    handler: async ({ ctx, actor, params }) => revokeInvite(ctx, actor, params.id),
  }),
];
