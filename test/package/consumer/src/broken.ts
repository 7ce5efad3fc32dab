// A deliberate mistake: the type check must report it (TS2322 on `licenseId`).
import { createChatWidget } from 'chatlet';

createChatWidget({ licenseId: 'twelve' });
