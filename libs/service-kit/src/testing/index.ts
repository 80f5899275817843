export { accessTestKit, personalDataTestKit, type AccessTestKit, type PersonalDataTestKit } from './access-testing.js';
