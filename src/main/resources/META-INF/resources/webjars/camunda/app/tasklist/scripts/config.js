/*
 * Oversight: replaces Camunda's config.js of the tasklist webapp (the original, with every
 * supported key commented, is in camunda-webapp-webjar-7.24.0.jar under
 * META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js).
 * The page title and the header read "<vendor> <name>": "Oversight Tasklist".
 * The logo is set in ../styles/user-styles.css (assets/oversight-*.svg).
 */

export default {
  app: {
    name: 'Tasklist',
    vendor: 'Oversight'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // Camunda's defaults, kept: Tasklist's keyboard shortcuts
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
