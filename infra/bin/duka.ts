import { buildApp } from "../src/app.js";

buildApp().app.synth();
