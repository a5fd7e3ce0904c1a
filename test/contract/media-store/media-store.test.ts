import { mediaStoreContract } from './media-store.contract.js';
import { openGcs, openLocal } from './engines.js';

mediaStoreContract('local', openLocal);
mediaStoreContract('gcs, fake server', () => openGcs());
