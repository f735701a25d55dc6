import type { LoginBody, MeResponse, SignupBody } from "@duka/contracts";
import { api } from "./client";

// Types only from contracts: the server validates, so zod stays out of the phone's download.
export type Me = MeResponse;

export const fetchMe = () => api.get<Me>("/me");
export const signUp = (body: SignupBody) => api.post<Me>("/auth/signup", body);
export const logIn = (body: LoginBody) => api.post<Me>("/auth/login", body);
export const logOut = () => api.post<{ ok: true }>("/auth/logout");
