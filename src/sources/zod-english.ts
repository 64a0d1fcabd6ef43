import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini (what the plan schemas use: smaller and faster to start than zod's classic API) loads
// no locale, so every issue would read "Invalid input". Imported for this side effect only.
z.config(en());
