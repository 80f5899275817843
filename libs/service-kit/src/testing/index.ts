export { accessTestKit, authorizedMessage, personalDataTestKit, type AccessTestKit, type PersonalDataTestKit } from './access-testing.js';
