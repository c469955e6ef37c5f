/*
 * Oversight: replaces Camunda's config.js of the cockpit webapp (the original, with every
 * supported key commented, is in camunda-webapp-webjar-7.24.0.jar under
 * META-INF/resources/webjars/camunda/app/cockpit/scripts/config.js).
 * The page title and the header read "<vendor> <name>": "Oversight Cockpit".
 * The logo is set in ../styles/user-styles.css (assets/oversight-*.svg).
 */

export default {
  app: {
    name: 'Cockpit',
    vendor: 'Oversight'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  }
};
