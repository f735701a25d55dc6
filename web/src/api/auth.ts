import type {
  LoginBody,
  MeResponse,
  RecoverBody,
  RecoveryCodeResponse,
  ResetBody,
  SignupBody,
  SignupResponse,
} from "@duka/contracts";
import { api } from "./client";

// Types only from contracts: the server validates, so zod stays out of the phone's download.
export type Me = MeResponse;

export const fetchMe = () => api.get<Me>("/me");
export const signUp = (body: SignupBody) => api.post<SignupResponse>("/auth/signup", body);
export const recover = (body: RecoverBody) => api.post<RecoveryCodeResponse>("/auth/recover", body);
export const resetByLink = (body: ResetBody) => api.post<RecoveryCodeResponse>("/auth/reset", body);
export const recoveryOptions = () => api.get<{ email: boolean }>("/auth/recovery-options");
export const emailResetLink = (login: string) => api.post<{ ok: true }>("/auth/forgot", { login });
export const logIn = (body: LoginBody) => api.post<Me>("/auth/login", body);
export const logOut = () => api.post<{ ok: true }>("/auth/logout");
