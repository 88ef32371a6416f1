import type { CatalogueOf } from '../catalogue';

/**
 * The diagnostics screen (F3) for IT staff, and the words of its checks, which `till:doctor`
 * prints in English: `checks` the title of each check by its code, `words` each detail and
 * next step by its code (src-shared/i18n/check-words.ts), with the till core's params.
 */
export const diagnosticsEn = {
  heading: 'Diagnostics',
  version: 'voucher-till {{version}}',
  runAgain: 'Run checks again',
  running: 'Running the checks…',
  summary: {
    failed: '{{failed}} of {{total}} checks failed.',
    warned: '{{warned}} of {{total}} checks need a look.',
    alsoSkipped: '{{skipped}} could not run.',
    passedSome: '{{passed}} checks passed; {{skipped}} could not run.',
    passedAll: 'All {{total}} checks passed.',
  },
  checksHeading: 'Checks',
  checksTable: 'Checks',
  /** The frame the checks table scrolls in when the screen is short. */
  checksRegion: 'Check results',
  columns: { check: 'Check', result: 'Result', detail: 'Detail' },
  verdicts: { ok: 'OK', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' },
  nextStep: 'Next step:',
  files: {
    heading: 'Files',
    version: 'Version',
    database: 'Database',
    databaseSize: 'Database size',
    log: 'Log',
    salesWaiting: 'Sales waiting',
    conflictsOpen: 'Open conflicts',
    honourCache: 'Honour cache updated',
    honourCacheAt: '{{at, stamp}} ({{age}})',
    unknown: 'unknown',
    never: 'never',
  },
  bytes: {
    bytes: '{{value}} bytes',
    KB: '{{value}} KB',
    MB: '{{value}} MB',
    GB: '{{value}} GB',
    TB: '{{value}} TB',
  },
  configuration: {
    heading: 'Configuration',
    table: 'Configuration',
    setting: 'Setting',
    value: 'Value',
  },
  checks: {
    config: 'config',
    data_directory: 'data directory',
    local_database: 'local database',
    audit_log: 'audit log',
    engine_reachability: 'engine reachability',
    terminal_credentials: 'terminal credentials',
    store_and_terminal: 'store and terminal',
    clock_skew: 'clock skew',
    honour_feed: 'honour feed',
  },
  words: {
    quoted: '{{text}}',
    config_valid: 'valid{{mode}}: {{where}}{{fromEnv}}',
    config_demo_mode: ' (demo mode: no engineUrl)',
    config_file_found: '{{path}} ({{source}})',
    config_file_missing: 'no file at {{path}} ({{source}}); environment and defaults only',
    config_source_argv: 'named by --config',
    config_source_env: 'named by TILL_CONFIG',
    config_source_default: 'the default location',
    config_overridden: '; overridden by {{names}}',
    config_with_warnings: '{{valid}}\n{{warnings}}',
    config_file_open:
      "{{file}} is {{open}} (mode {{mode}}) and holds the terminal's password: run `chmod {{owner}} {{path}}`",
    config_fix:
      'Correct the settings named above in {{path}} (or the environment variables named), then run the checks again.',
    data_dir_not_directory: '{{dir}} exists but is not a directory',
    data_dir_not_writable: '{{dir}} is not writable: {{error}}',
    data_dir_exists: '{{dir}} exists, writable',
    data_dir_created: '{{dir}} was created, writable',
    data_dir_fix:
      "Make {{dir}} a folder the till's user account can write to, or set dataDir in {{path}} to one; then restart the till.",
    skip_config_invalid: 'the configuration is not valid',
    skip_data_dir: 'the data directory is not usable',
    skip_no_database: 'there is no local database yet',
    skip_database_damaged: 'the local database is damaged',
    skip_database_schema: 'the local database is at schema version {{version}}, not {{latest}}',
    skip_database_unreadable: 'the local database cannot be read',
    skip_engine_unreachable: 'the engine is not reachable',
    skip_sign_in: 'the terminal account could not sign in',
    database_missing: 'no database yet at {{path}}; the till creates it on its first start',
    database_damaged: '{{path}} is damaged: integrity_check says "{{integrity}}"',
    database_unreadable: "{{path}} cannot be read as the till's SQLite database: {{error}}",
    database_ok: '{{path}}, {{bytes}} bytes, integrity ok, schema version {{version}}',
    database_behind:
      '{{path}}, {{bytes}} bytes, integrity ok, schema version {{version}} of {{latest}}: the till migrates it on its next start',
    database_ahead:
      '{{path}}, {{bytes}} bytes, integrity ok, but schema version {{version}} is newer than this till knows ({{latest}}): it was written by a newer till',
    database_restore:
      "Stop the till, keep {{path}} for support (sales not yet sent may be in it), and restore the till's database from a backup.",
    database_install_newer:
      'Install the till version that wrote this database (or a newer one); an older till must not open it.',
    audit_intact_one: 'intact: {{count}} entry chained, none changed or missing',
    audit_intact_other: 'intact: {{count}} entries chained, none changed or missing',
    audit_broken: 'not intact at {{where}}: {{why}}',
    audit_entry: 'entry seq {{seq}} (id {{id}}, {{action}} by {{actor}} at {{at}})',
    audit_entry_seq: 'entry seq {{seq}}',
    audit_chain_broken: 'the chain is broken',
    audit_break_row_hash_mismatch: 'its content does not match its hash (the row was edited)',
    audit_break_seq_gap: 'the row before it is missing (a row was removed)',
    audit_break_prev_hash_mismatch:
      'it does not follow the row before it (rows were removed, moved or swapped)',
    audit_break_head_mismatch:
      'the chain ends before its recorded head (rows were removed from its end)',
    audit_changed:
      'The file was changed outside the till: keep a copy of it for support and tell whoever audits the store.',
    engine_demo_missing:
      'no engine is configured (no engineUrl in the config) and the demo engine at {{url}} does not answer: start it with `npm run engine -- --demo`, or use `npm start`',
    engine_unreachable: '{{error}} ({{connection}})',
    engine_start:
      'Start the voucher engine or check {{settings}} in {{path}}; the till keeps selling offline meanwhile.',
    engine_answered: '{{url}} answered in {{ms}} ms, {{connection}}',
    engine_unhealthy: '{{where}}, but /healthz did not report ok (HTTP {{status}})',
    engine_slow: '{{where}}: slower than 1 s, sales will feel sluggish',
    sign_in_unauthorized:
      "Check terminalCredentials.username and terminalCredentials.password in {{path}} against the terminal's account on the engine; the engine's administrator can reset its password.",
    sign_in_rejected:
      "Ask the engine's administrator why the engine refuses the account {{username}} (its words are above).",
    sign_in_unavailable:
      "The engine answered its health check but not the sign-in: run the checks again, and if it happens again look at the engine's log.",
    credentials_ok: '{{username}} logged in',
    credentials_ok_role: '{{username}} logged in (role {{role}})',
    credentials_wrong_role:
      '{{username}} logged in, but as a {{role}} account: give the till its own terminal account',
    store_silent:
      'the engine does not say which chain and store the account {{username}} belongs to, so chain {{chain}}, store {{store}} could not be checked',
    store_update_engine:
      'Update the voucher engine to a version that names the chain and store of an account when it signs in.',
    store_mismatch:
      'this till is set up for chain {{chain}}, store {{store}}, but the engine says the account {{username}} belongs to chain {{engineChain}}, store {{engineStore}}',
    store_chain_unsaid: '(not said)',
    store_whole_chain: '(every store of the chain)',
    store_fix:
      "Set chainId and storeCode in {{path}} to the store this terminal stands in, and give the till that store's terminal account (the engine's administrator creates it).",
    store_ok:
      "chain {{chain}}, store {{store}}, terminal {{terminal}}: the engine's account {{username}} belongs to this store",
    store_ok_priced:
      'chain {{chain}}, store {{store}}, terminal {{terminal}}: the engine prices a basket for this store (the account {{username}} reaches every store of the chain)',
    store_refused: 'the engine refuses a basket for chain {{chain}}, store {{store}}: {{error}}',
    store_add:
      "Set storeCode in {{path}} to a store of chain {{chain}} that the engine has, or have the engine's administrator add store {{store}}.",
    store_not_checked:
      'chain {{chain}}, store {{store}} could not be checked against the engine: {{why}}',
    clock_agrees: "the engine's clock agrees with this terminal's to within 1 s",
    clock_ahead: "the engine's clock is {{seconds}} s ahead of this terminal's",
    clock_behind: "the engine's clock is {{seconds}} s behind this terminal's",
    clock_matters: "{{skew}} (vouchers expire and locks lapse on the engine's clock)",
    clock_no_date: 'the engine sent no Date header, so its clock cannot be compared',
    clock_use_ntp: "Set this terminal's time from NTP.",
    clock_correct:
      "Correct this terminal's clock and let it keep time from NTP, then run the checks again.",
    feed_no_keys:
      'no honourFeedPublicKeys are configured, so the till takes no honour-voucher page',
    feed_show_key:
      'On the engine run `npm run engine:admin -- show-feed-key --chain {{chain}}` and add the `ed25519:…` key it prints to honourFeedPublicKeys',
    feed_path_changed:
      'Something between this till and the engine changes its answers (a proxy?), or engineUrl names an engine that is not this chain’s: check the network path and engineUrl',
    feed_trusts: 'trusts key {{keys}}',
    feed_none_yet: '{{trusted}}; no honour-feed page has been received yet',
    feed_verified:
      '{{trusted}}; the last page (from cursor {{cursor}}, at {{at}}) verified with key {{keyId}}',
    feed_refused:
      '{{trusted}}; the last page (from cursor {{cursor}}, at {{at}}) was refused: {{reason}}. The honour cache keeps its last good state',
  },
} as const;

export const diagnosticsNl: CatalogueOf<typeof diagnosticsEn> = {
  heading: 'Diagnose',
  version: 'voucher-till {{version}}',
  runAgain: 'Controles opnieuw uitvoeren',
  running: 'De controles lopen…',
  summary: {
    failed: '{{failed}} van {{total}} controles mislukt.',
    warned: '{{warned}} van {{total}} controles vragen aandacht.',
    alsoSkipped: '{{skipped}} konden niet worden uitgevoerd.',
    passedSome: '{{passed}} controles geslaagd; {{skipped}} konden niet worden uitgevoerd.',
    passedAll: 'Alle {{total}} controles geslaagd.',
  },
  checksHeading: 'Controles',
  checksTable: 'Controles',
  checksRegion: 'Uitkomsten van de controles',
  columns: { check: 'Controle', result: 'Uitkomst', detail: 'Toelichting' },
  verdicts: { ok: 'OK', warn: 'Waarschuwing', fail: 'Mislukt', skipped: 'Overgeslagen' },
  nextStep: 'Volgende stap:',
  files: {
    heading: 'Bestanden',
    version: 'Versie',
    database: 'Database',
    databaseSize: 'Grootte database',
    log: 'Logboek',
    salesWaiting: 'Wachtende verkopen',
    conflictsOpen: 'Open conflicten',
    honourCache: 'Honour-cache bijgewerkt',
    honourCacheAt: '{{at, stamp}} ({{age}})',
    unknown: 'onbekend',
    never: 'nooit',
  },
  bytes: {
    bytes: '{{value}} bytes',
    KB: '{{value}} kB',
    MB: '{{value}} MB',
    GB: '{{value}} GB',
    TB: '{{value}} TB',
  },
  configuration: {
    heading: 'Configuratie',
    table: 'Configuratie',
    setting: 'Instelling',
    value: 'Waarde',
  },
  checks: {
    config: 'configuratie',
    data_directory: 'gegevensmap',
    local_database: 'lokale database',
    audit_log: 'auditlogboek',
    engine_reachability: 'bereikbaarheid voucherserver',
    terminal_credentials: 'inloggegevens kassa',
    store_and_terminal: 'winkel en kassa',
    clock_skew: 'klokverschil',
    honour_feed: 'honour-feed',
  },
  words: {
    quoted: '{{text}}',
    config_valid: 'geldig{{mode}}: {{where}}{{fromEnv}}',
    config_demo_mode: ' (demomodus: geen engineUrl)',
    config_file_found: '{{path}} ({{source}})',
    config_file_missing:
      'geen bestand op {{path}} ({{source}}); alleen omgevingsvariabelen en standaardwaarden',
    config_source_argv: 'opgegeven met --config',
    config_source_env: 'opgegeven met TILL_CONFIG',
    config_source_default: 'de standaardlocatie',
    config_overridden: '; overschreven door {{names}}',
    config_with_warnings: '{{valid}}\n{{warnings}}',
    config_file_open:
      '{{file}} is {{open}} (modus {{mode}}) en bevat het wachtwoord van de kassa: voer `chmod {{owner}} {{path}}` uit',
    config_fix:
      'Verbeter de hierboven genoemde instellingen in {{path}} (of de genoemde omgevingsvariabelen) en voer de controles daarna opnieuw uit.',
    data_dir_not_directory: '{{dir}} bestaat maar is geen map',
    data_dir_not_writable: 'In {{dir}} kan niet worden geschreven: {{error}}',
    data_dir_exists: '{{dir}} bestaat, beschrijfbaar',
    data_dir_created: '{{dir}} is aangemaakt, beschrijfbaar',
    data_dir_fix:
      'Maak van {{dir}} een map waarin het gebruikersaccount van de kassa kan schrijven, of zet dataDir in {{path}} op zo’n map; start de kassa daarna opnieuw.',
    skip_config_invalid: 'de configuratie is niet geldig',
    skip_data_dir: 'de gegevensmap is niet bruikbaar',
    skip_no_database: 'er is nog geen lokale database',
    skip_database_damaged: 'de lokale database is beschadigd',
    skip_database_schema: 'de lokale database heeft schemaversie {{version}}, niet {{latest}}',
    skip_database_unreadable: 'de lokale database kan niet worden gelezen',
    skip_engine_unreachable: 'de voucherserver is niet bereikbaar',
    skip_sign_in: 'het kassa-account kon niet inloggen',
    database_missing: 'nog geen database op {{path}}; de kassa maakt hem aan bij de eerste start',
    database_damaged: '{{path}} is beschadigd: integrity_check meldt "{{integrity}}"',
    database_unreadable:
      '{{path}} kan niet worden gelezen als de SQLite-database van de kassa: {{error}}',
    database_ok: '{{path}}, {{bytes}} bytes, integriteit in orde, schemaversie {{version}}',
    database_behind:
      '{{path}}, {{bytes}} bytes, integriteit in orde, schemaversie {{version}} van {{latest}}: de kassa werkt hem bij bij de volgende start',
    database_ahead:
      '{{path}}, {{bytes}} bytes, integriteit in orde, maar schemaversie {{version}} is nieuwer dan deze kassa kent ({{latest}}): een nieuwere kassa heeft hem geschreven',
    database_restore:
      'Stop de kassa, bewaar {{path}} voor support (er kunnen nog niet verstuurde verkopen in staan) en zet de database van de kassa terug uit een back-up.',
    database_install_newer:
      'Installeer de kassaversie die deze database schreef (of een nieuwere); een oudere kassa mag hem niet openen.',
    audit_intact_one: 'intact: {{count}} regel gekoppeld, niets gewijzigd of verdwenen',
    audit_intact_other: 'intact: {{count}} regels gekoppeld, niets gewijzigd of verdwenen',
    audit_broken: 'niet intact bij {{where}}: {{why}}',
    audit_entry: 'regel seq {{seq}} (id {{id}}, {{action}} door {{actor}} om {{at}})',
    audit_entry_seq: 'regel seq {{seq}}',
    audit_chain_broken: 'de keten is verbroken',
    audit_break_row_hash_mismatch: 'de inhoud klopt niet met de hash (de regel is bewerkt)',
    audit_break_seq_gap: 'de regel ervoor ontbreekt (er is een regel verwijderd)',
    audit_break_prev_hash_mismatch:
      'de regel sluit niet aan op de regel ervoor (regels zijn verwijderd, verplaatst of verwisseld)',
    audit_break_head_mismatch:
      'de keten houdt op voor het vastgelegde einde (er zijn regels aan het eind verwijderd)',
    audit_changed:
      'Het bestand is buiten de kassa gewijzigd: bewaar een kopie voor support en meld het aan wie de winkel controleert.',
    engine_demo_missing:
      'er is geen voucherserver ingesteld (geen engineUrl in de configuratie) en de demoserver op {{url}} antwoordt niet: start hem met `npm run engine -- --demo`, of gebruik `npm start`',
    engine_unreachable: '{{error}} ({{connection}})',
    engine_start:
      'Start de voucherserver of controleer {{settings}} in {{path}}; de kassa verkoopt intussen offline door.',
    engine_answered: '{{url}} antwoordde in {{ms}} ms, {{connection}}',
    engine_unhealthy: '{{where}}, maar /healthz meldde niet ok (HTTP {{status}})',
    engine_slow: '{{where}}: trager dan 1 s, verkopen zullen traag aanvoelen',
    sign_in_unauthorized:
      'Vergelijk terminalCredentials.username en terminalCredentials.password in {{path}} met het kassa-account op de voucherserver; de beheerder van de server kan het wachtwoord opnieuw instellen.',
    sign_in_rejected:
      'Vraag de beheerder van de voucherserver waarom die het account {{username}} weigert (zijn woorden staan hierboven).',
    sign_in_unavailable:
      'De voucherserver beantwoordde de gezondheidscontrole maar niet het inloggen: voer de controles opnieuw uit, en bekijk bij herhaling het logboek van de server.',
    credentials_ok: '{{username}} is ingelogd',
    credentials_ok_role: '{{username}} is ingelogd (rol {{role}})',
    credentials_wrong_role:
      '{{username}} is ingelogd, maar als {{role}}-account: geef de kassa een eigen kassa-account',
    store_silent:
      'de voucherserver zegt niet bij welke keten en winkel het account {{username}} hoort, dus keten {{chain}}, winkel {{store}} kon niet worden gecontroleerd',
    store_update_engine:
      'Werk de voucherserver bij naar een versie die bij het inloggen de keten en winkel van een account noemt.',
    store_mismatch:
      'deze kassa is ingesteld voor keten {{chain}}, winkel {{store}}, maar volgens de voucherserver hoort het account {{username}} bij keten {{engineChain}}, winkel {{engineStore}}',
    store_chain_unsaid: '(niet vermeld)',
    store_whole_chain: '(elke winkel van de keten)',
    store_fix:
      'Zet chainId en storeCode in {{path}} op de winkel waar deze kassa staat, en geef de kassa het kassa-account van die winkel (de beheerder van de voucherserver maakt het aan).',
    store_ok:
      'keten {{chain}}, winkel {{store}}, kassa {{terminal}}: het account {{username}} hoort bij deze winkel',
    store_ok_priced:
      'keten {{chain}}, winkel {{store}}, kassa {{terminal}}: de voucherserver prijst een mandje voor deze winkel (het account {{username}} bereikt elke winkel van de keten)',
    store_refused:
      'de voucherserver weigert een mandje voor keten {{chain}}, winkel {{store}}: {{error}}',
    store_add:
      'Zet storeCode in {{path}} op een winkel van keten {{chain}} die de voucherserver kent, of laat de beheerder van de server winkel {{store}} toevoegen.',
    store_not_checked:
      'keten {{chain}}, winkel {{store}} kon niet bij de voucherserver worden gecontroleerd: {{why}}',
    clock_agrees: 'de klok van de voucherserver loopt tot op 1 s gelijk met die van deze kassa',
    clock_ahead: 'de klok van de voucherserver loopt {{seconds}} s voor op die van deze kassa',
    clock_behind: 'de klok van de voucherserver loopt {{seconds}} s achter op die van deze kassa',
    clock_matters:
      '{{skew}} (vouchers verlopen en blokkeringen eindigen volgens de klok van de voucherserver)',
    clock_no_date:
      'de voucherserver stuurde geen Date-header, dus de klokken kunnen niet worden vergeleken',
    clock_use_ntp: 'Laat deze kassa de tijd van NTP halen.',
    clock_correct:
      'Zet de klok van deze kassa goed en laat hem de tijd van NTP halen; voer daarna de controles opnieuw uit.',
    feed_no_keys:
      'er zijn geen honourFeedPublicKeys ingesteld, dus de kassa neemt geen pagina met honour-vouchers aan',
    feed_show_key:
      'Voer op de voucherserver `npm run engine:admin -- show-feed-key --chain {{chain}}` uit en zet de `ed25519:…`-sleutel die het toont in honourFeedPublicKeys',
    feed_path_changed:
      'Iets tussen deze kassa en de voucherserver verandert de antwoorden (een proxy?), of engineUrl wijst naar een server van een andere keten: controleer het netwerkpad en engineUrl',
    feed_trusts: 'vertrouwt sleutel {{keys}}',
    feed_none_yet: '{{trusted}}; er is nog geen pagina van de honour-feed ontvangen',
    feed_verified:
      '{{trusted}}; de laatste pagina (vanaf cursor {{cursor}}, om {{at}}) is geverifieerd met sleutel {{keyId}}',
    feed_refused:
      '{{trusted}}; de laatste pagina (vanaf cursor {{cursor}}, om {{at}}) is geweigerd: {{reason}}. De honour-cache houdt zijn laatste goede stand',
  },
};
