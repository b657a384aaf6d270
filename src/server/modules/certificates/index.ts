// The public face of the certificates module (志愿服务证明 and their register): what other modules may use.
export { certificateRoutes } from './certificates.routes.js';
export { eraseHolder as eraseCertificateHolder } from './certificates.repository.js';
export { registerOfVolunteer } from './certificates.service.js';
