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
    },
    voucher_wrong_owner: {
      what: 'Deze voucher is van een andere klant.',
      next: 'Scan de klantenkaart van de klant van wie hij is, of ga zonder door.',
    },
    voucher_locking_code_mismatch: {
      what: 'Deze voucher is vastgehouden onder een andere blokkeercode.',
      next: 'Vraag een manager hem vrij te geven (F2) en scan hem daarna opnieuw.',
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
  },
};
