import type { SignInRequest, SignUpRequest } from '../../../api/auth.js';
import { apiSendNoContent } from '../../api/client.js';

// Sign-up and sign-in answers are not read: the session cookie is what matters, and /api/me is the source of truth.
export const signUp = (body: SignUpRequest) => apiSendNoContent('POST', '/api/auth/signup', body);
export const signIn = (body: SignInRequest) => apiSendNoContent('POST', '/api/auth/signin', body);
export const signOut = () => apiSendNoContent('POST', '/api/auth/signout');

export const requestPasswordReset = (email: string) =>
  apiSendNoContent('POST', '/api/auth/password-reset/request', { email });

export const confirmPasswordReset = (token: string, password: string) =>
  apiSendNoContent('POST', '/api/auth/password-reset/confirm', { token, password });
