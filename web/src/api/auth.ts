import type { LoginBody, MeResponse, RecoverBody, ResetBody, SignupBody } from "@duka/contracts";
import { get, send } from "../data/endpoints";

export type Me = MeResponse;

export const fetchMe = () => get("/me");
export const signUp = (body: SignupBody) => send("POST /auth/signup", { body });
export const recover = (body: RecoverBody) => send("POST /auth/recover", { body });
export const resetByLink = (body: ResetBody) => send("POST /auth/reset", { body });
export const recoveryOptions = () => get("/auth/recovery-options");
export const emailResetLink = (login: string) => send("POST /auth/forgot", { body: { login } });
export const logIn = (body: LoginBody) => send("POST /auth/login", { body });
export const logOut = () => send("POST /auth/logout");
