import { screensNl } from './screens';
import type { CatalogueOf } from './catalogue';
import type { en } from './en';

/** De woorden van de kassa in het Nederlands. */
export const nl: CatalogueOf<typeof en> = {
  screens: screensNl,
  messages: {
    voucher_not_found: {
      what: 'Er bestaat geen voucher met deze code.',
      next: 'Controleer de code met de klant en scan of typ hem opnieuw.',
    },
    voucher_not_claimed: {
      what: 'Deze voucher is nog niet geactiveerd voor de klant.',
      next: 'De klant kan hem activeren in de loyaltyapp; de verkoop gaat zonder door.',
    },
    voucher_already_redeemed: {
      what: 'Deze voucher is al gebruikt.',
      next: 'Vertel de klant dat hij bij een eerdere aankoop is gebruikt; de verkoop gaat zonder door.',
    },
    voucher_expired: {
      what: 'Deze voucher is verlopen.',
      next: 'Vertel de klant dat hij niet meer geldig is; de verkoop gaat zonder door.',
    },
    voucher_locked: {
      what: 'Deze voucher is vastgehouden voor een andere verkoop.',
      next: 'Wacht tot de blokkering afloopt, of vraag een manager hem vrij te geven (F2).',
      whatUntil: 'Deze voucher is tot {{until, clock}} vastgehouden voor een andere verkoop.',
      whatOnTill:
        'Deze voucher is tot {{until, clock}} vastgehouden voor een verkoop op kassa {{terminalId}}.',
    },
    voucher_wrong_owner: {
      what: 'Deze voucher is van een andere klant.',
      next: 'Scan de klantenkaart van de klant van wie hij is, of ga zonder door.',
    },
    voucher_locking_code_mismatch: {
      what: 'Deze voucher is vastgehouden onder een andere blokkeercode.',
      next: 'Vraag een manager hem vrij te geven (F2) en scan hem daarna opnieuw.',
      whatUntil: 'Deze voucher is tot {{until, clock}} vastgehouden onder een andere blokkeercode.',
    },
    voucher_not_combinable: {
      what: 'Deze voucher kan niet samen met de andere voucher in deze verkoop worden gebruikt.',
      next: 'Vraag de klant welke voucher hij wil gebruiken en verwijder de andere.',
    },
    voucher_offline_not_allowed: {
      what: 'Waardevouchers kunnen niet worden gebruikt zolang de kassa offline is.',
      next: 'Bewaar de voucher voor een volgende aankoop, of wacht tot de kassa weer online is.',
    },
    voucher_freed_by_manager: {
      what: 'Een manager heeft deze voucher vrijgegeven uit deze verkoop.',
      next: 'De verkoop gaat zonder door; scan hem alleen opnieuw als de klant hem hier nog wil gebruiken.',
    },
    invalid_input: {
      what: 'De kassa kon de invoer niet lezen.',
      next: 'Controleer wat u hebt getypt en probeer het opnieuw.',
    },
    unknown_barcode: {
      what: 'Deze barcode staat niet in de artikelen van de kassa.',
      next: 'Typ de code van het artikel, of vraag een manager het artikel toe te voegen.',
      whatNamed:
        'Barcode {{barcode}} staat niet in de artikellijst van de kassa; het artikel is niet toegevoegd.',
    },
    unknown_command: {
      what: 'De kassa kent deze opdracht niet.',
      next: 'Start de kassa opnieuw; gebeurt het weer, bel dan IT.',
    },
    no_open_sale: {
      what: 'Er is geen open verkoop.',
      next: 'Scan een artikel om een nieuwe verkoop te beginnen.',
    },
    sale_not_found: {
      what: 'De kassa heeft deze verkoop niet.',
      next: 'Begin een nieuwe verkoop; een manager kan eerdere verkopen opzoeken.',
    },
    sale_already_closed: {
      what: 'Deze verkoop is al afgesloten.',
      next: 'Begin een nieuwe verkoop.',
    },
    engine_unreachable: {
      what: 'De voucherserver is niet bereikbaar.',
      next: 'Verkoop gewoon door: de kassa verkoopt offline en verstuurt de verkoop later.',
    },
    engine_rejected: {
      what: 'De voucherserver heeft dit verzoek geweigerd.',
      next: 'Probeer het opnieuw; gebeurt het weer, dan kan een manager Diagnose (F3) bekijken.',
    },
    not_signed_in: {
      what: 'Er is geen manager aangemeld.',
      next: 'Meld u aan op het managerscherm (F2).',
    },
    forbidden: {
      what: 'Dit account mag dit niet doen.',
      next: 'Vraag een manager van deze winkel het te doen.',
    },
    not_found: {
      what: 'De kassa kon het gevraagde niet vinden.',
      next: 'Controleer de code en probeer het opnieuw.',
    },
    conflict: {
      what: 'Er is iets veranderd terwijl dit werd gedaan.',
      next: 'Bekijk het scherm opnieuw en herhaal de stap.',
    },
    internal: {
      what: 'Er ging iets mis in de kassa.',
      next: 'Probeer het opnieuw; gebeurt het weer, bel dan IT en noem het tijdstip.',
    },
    engine_no_usable_answer: {
      what: 'De voucherserver gaf geen bruikbaar antwoord: de kassa heeft deze verkoop zelf geprijsd.',
      next: 'Ga door met verkopen: de kassa stuurt de verkoop later naar de server.',
    },
    engine_too_slow: {
      what: 'De voucherserver antwoordt te traag: de kassa heeft deze verkoop zelf geprijsd.',
      next: 'Ga door met verkopen: Betaling bevestigen zet de verkoop in de wachtrij voor de server.',
    },
    engine_warning: {
      what: 'De voucherserver meldt: {{description}}',
      next: 'Ga door met verkopen; gebeurt het vaker, dan kan een manager Diagnose (F3) bekijken.',
    },
    offline_value_cap: {
      what: 'Offline mogen waardevouchers hoogstens {{perSale, money}} per verkoop en {{perDay, money}} per dag korting geven (vandaag nog {{leftToday, money}}).',
      next: 'De vouchers daarboven blijven van de klant: ze zijn te gebruiken zodra de kassa weer online is.',
    },
    member_vouchers_offline: {
      what: 'De vouchers van klant {{memberNumber}} zijn niet op te zoeken: de voucherserver is nu niet te bereiken.',
      next: 'Ze blijven van de klant en worden toegepast zodra de server terug is (in deze verkoop als die nog open is).',
    },
    member_voucher_offline: {
      what: '{{title}} wordt niet afgetrokken: de voucherserver kan hem nu niet controleren.',
      next: 'Hij blijft van de klant en wordt toegepast zodra de server terug is (in deze verkoop als die nog open is).',
    },
    voucher_unknown_offline: {
      what: 'De kassa is offline en kent deze vouchercode niet: offline kan ze alleen de cadeauvouchers controleren die ze bewaart.',
      next: 'Controleer de code met de klant; hij kan worden gecontroleerd zodra de kassa weer online is.',
    },
    voucher_used_on_this_till: {
      what: 'Deze voucher is al gebruikt op deze kassa, in verkoop {{basketCode}}.',
      next: 'Vertel de klant dat hij bij een eerdere aankoop is gebruikt; de verkoop gaat zonder door.',
    },
    honour_voucher_without_code_offline: {
      what: 'Deze cadeauvoucher heeft geen code die de kassa offline kan controleren.',
      next: 'Hij blijft van de klant: hij is te gebruiken zodra de kassa weer online is.',
    },
    honour_cache_empty: {
      what: 'Deze kassa is nog nooit online geweest en kan dus geen enkele voucher controleren.',
      next: 'Verkoop zonder vouchers tot de kassa de voucherserver één keer heeft bereikt.',
    },
    locks_not_released: {
      what: 'Verkoop {{basketCode}} is geannuleerd, maar de vouchers blijven vastgehouden tot de voucherserver antwoordt.',
      next: 'U hoeft niets te doen: de kassa geeft ze vrij als de server antwoordt; een manager kan er nu een vrijgeven (F2).',
    },
    line_not_found: {
      what: 'Deze regel staat niet meer op de verkoop.',
      next: 'Kijk opnieuw naar het mandje en herhaal de stap.',
    },
    unrecognised_scan: {
      what: '"{{scan}}" is geen artikelbarcode, klantenkaart of vouchercode.',
      next: 'Scan opnieuw, of typ de code die onder de barcode staat.',
    },
    weight_needed: {
      what: '{{product}} wordt per gewicht verkocht; het is niet toegevoegd zonder gewicht.',
      next: 'Weeg het en voer het gewicht in kg in.',
    },
    quantity_not_whole: {
      what: '{{product}} wordt per stuk verkocht: het aantal is een heel getal.',
      next: 'Voer een heel aantal stuks in.',
    },
    pricing_mismatch: {
      what: 'De eigen prijsberekening van de kassa wijkt af van die van de voucherserver ({{fields}}); de prijzen van de server gelden.',
      next: 'Ga door met verkopen en meld het aan een manager, zodat IT ernaar kan kijken.',
    },
    member_not_found: {
      what: 'De voucherserver kent klantenkaart {{memberNumber}} niet: de verkoop gaat zonder kaart door.',
      next: 'De gescande vouchers blijven op de verkoop; de klant kan de kaart controleren in de loyaltyapp.',
    },
    member_programme_not_supported: {
      what: 'Klantenkaart {{memberNumber}} hoort bij een programma dat de voucherserver niet bedient: de verkoop gaat zonder kaart door.',
      next: 'De gescande vouchers blijven op de verkoop; vraag de klant om de kaart van deze winkel.',
    },
    original_basket_item_not_found: {
      what: 'Een geretourneerd artikel hoort bij geen eerdere aankoop: er geldt geen voucher voor.',
      next: 'Ga door met de retour; een manager kan de oorspronkelijke bon controleren.',
    },
    basket_price_mismatch: {
      what: 'De voucherserver heeft deze verkoop anders geprijsd dan de kassa rekende.',
      next: 'Ga door met verkopen en meld het aan een manager, zodat IT ernaar kan kijken.',
    },
    card_refused: {
      what: 'De voucherserver weigert klantenkaart {{memberNumber}}.',
      next: 'Kies Verkopen zonder kaart: de verkoop gaat zonder de kaart door, en de gescande vouchers blijven erop.',
    },
    voucher_not_in_sale: {
      what: 'Voucher {{voucherCode}} staat niet op deze verkoop.',
      next: 'Bekijk de vouchers opnieuw en herhaal de stap.',
    },
    account_not_a_manager: {
      what: '{{username}} is een {{role}}-account;',
      next: 'een manager of beheerder moet inloggen.',
    },
    account_of_unknown_role: {
      what: '{{username}} is een account met een onbekende rol;',
      next: 'een manager of beheerder moet inloggen.',
    },
    account_of_another_chain: {
      what: '{{username}} is een account van een andere keten;',
      next: 'een manager van deze winkel of een beheerder moet inloggen.',
    },
    account_of_another_store: {
      what: '{{username}} beheert winkel {{managerStore}}; deze kassa staat in winkel {{storeCode}}.',
      next: 'Een manager van {{storeCode}} of een beheerder moet inloggen.',
    },
    basket_holds_no_vouchers: {
      what: 'Er zijn geen vouchers van deze winkel vastgehouden voor bon {{basketCode}}.',
      next: 'Controleer de boncode en de lijst met vastgehouden vouchers.',
    },
    sync_conflict_unknown: {
      what: 'Er is geen synchronisatieconflict {{conflictId}}.',
      next: 'Bekijk de lijst met synchronisatieconflicten opnieuw.',
    },
    sync_conflict_acknowledged: {
      what: 'Synchronisatieconflict {{conflictId}} is al bevestigd door een manager.',
      next: 'Bekijk de lijst met synchronisatieconflicten opnieuw.',
    },
    sync_conflict_acknowledged_by: {
      what: 'Synchronisatieconflict {{conflictId}} is al bevestigd door {{username}}.',
      next: 'Bekijk de lijst met synchronisatieconflicten opnieuw.',
    },
    engine_unreachable_for: {
      what: 'De voucher-engine is nu niet bereikbaar;',
      next: 'probeer {{errand}} zo meteen opnieuw.',
    },
    engine_forbids: {
      what: 'De voucher-engine staat {{errand}} niet toe.',
      next: 'Melding van de engine: {{description}}',
    },
    engine_refused: {
      what: 'De voucher-engine weigerde {{errand}}.',
      next: 'Melding van de engine: {{description}}',
    },
    sale_has_no_items: {
      what: 'De verkoop heeft geen artikelen.',
      next: 'Scan eerst een artikel.',
    },
    sale_still_open: {
      what: 'Verkoop {{basketCode}} is nog open:',
      next: 'bevestig of annuleer hem eerst.',
    },
    receipt_not_found: {
      what: 'Er is geen bevestigde verkoop {{basketCode}} op deze kassa.',
      next: 'Controleer het verkoopnummer op de bon.',
    },
    tender_unknown_method: {
      what: 'Deze kassa neemt geen betaling aan met "{{name}}".',
      next: 'Kies een van de betaalwijzen die de kassa aanbiedt.',
    },
    tender_not_needed: {
      what: 'De verkoop is al helemaal betaald.',
      next: 'Haal de extra betaling weg en bevestig dan.',
    },
    tender_over_due: {
      what: 'Alleen contant geeft wisselgeld: deze betaling is meer dan de {{amount, money}} die nog te betalen is.',
      next: 'Typ hoogstens {{amount, money}}, of neem de rest contant aan.',
    },
    tender_not_positive: {
      what: 'Een betaling moet een bedrag boven nul zijn.',
      next: 'Typ het bedrag dat de klant betaalde.',
    },
    tender_refund_mismatch: {
      what: 'Een terugbetaling gaat in één keer: {{amount, money}}.',
      next: 'Betaal precies {{amount, money}} terug met één betaalwijze.',
    },
    tender_not_covered: {
      what: 'De betalingen dekken de verkoop niet: er is nog {{amount, money}} te betalen.',
      next: 'Neem de rest van de betaling aan en bevestig dan.',
    },
    tender_total_changed: {
      what: 'Het totaal veranderde in {{amount, money}} terwijl de betaling werd aangenomen.',
      next: 'Controleer de betalingen tegen het nieuwe totaal en bevestig opnieuw.',
    },
    nothing_to_collect: {
      what: 'Bij verkoop {{basketCode}} valt niets meer te innen.',
      next: 'Begin de volgende verkoop.',
    },
    return_sale_not_found: {
      what: 'Er is geen verkoop {{basketCode}} gevonden, op deze kassa noch bij de voucherserver.',
      next: 'Controleer het verkoopnummer op de bon en scan of typ het opnieuw.',
    },
    return_sale_not_found_offline: {
      what: 'Verkoop {{basketCode}} staat niet op deze kassa en de voucherserver is niet bereikbaar om hem te vinden.',
      next: 'Neem de retour aan bij de kassa die verkocht, of probeer het opnieuw zodra de voucherserver terug is.',
    },
    return_line_not_found: {
      what: 'Verkoop {{basketCode}} heeft geen regel {{lineId}}.',
      next: 'Kies een regel van de verkoop om te retourneren.',
    },
    return_exceeds_purchase: {
      what: 'Van regel {{lineId}} van verkoop {{basketCode}} kan nog maar {{left}} retour, niet {{quantity}}.',
      next: 'Verlaag het aantal retour tot hoogstens {{left}}.',
    },
  },
  errands: {
    sale: 'de verkoop',
    sign_in: 'het inloggen',
    locked_vouchers: 'de lijst met vastgehouden vouchers',
    unlock: 'het vrijgeven',
    reward_pools: 'de lijst met beloningspools',
    sync_conflicts: 'de lijst met synchronisatieconflicten',
    acknowledgement: 'het bevestigen',
    activation: 'het activeren van de voucher',
  },
};
