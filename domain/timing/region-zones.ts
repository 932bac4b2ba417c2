/**
 * Hand-kept corrections to date-holidays' per-region time zones, consulted FIRST.
 * Only for regions where the library has no region-specific data (it then returns the
 * whole country's list) or lists a minority zone first. Everything else comes from the
 * maintained date-holidays data. Russia is deliberately absent: most of its regions have
 * no data and guessing Moscow would be wrong for half of them, so callers must pass an
 * explicit IANA zone there.
 */
const MADRID = 'Europe/Madrid';
const MEXICO_CITY = 'America/Mexico_City';
const KUALA_LUMPUR = 'Asia/Kuala_Lumpur';

export const SUPPLEMENT_REGIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  US: { DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York', GA: 'America/New_York' },
  // date-holidays lists Blanc-Sablon first for Québec; Montréal/Québec City are on Toronto time.
  CA: { PE: 'America/Halifax', QC: 'America/Toronto' },
  ES: {
    AN: MADRID, AR: MADRID, AS: MADRID, CB: MADRID, CL: MADRID, CM: MADRID, CT: MADRID, EX: MADRID,
    GA: MADRID, IB: MADRID, MC: MADRID, MD: MADRID, NC: MADRID, PV: MADRID, RI: MADRID, VC: MADRID,
    CE: 'Africa/Ceuta', ML: 'Africa/Ceuta',
  },
  CL: { AP: 'America/Santiago', BI: 'America/Santiago', NU: 'America/Santiago', TA: 'America/Santiago' },
  EC: { P: 'America/Guayaquil' },
  NZ: {
    AUK: 'Pacific/Auckland', BOP: 'Pacific/Auckland', CAN: 'Pacific/Auckland', GIS: 'Pacific/Auckland',
    HKB: 'Pacific/Auckland', MBH: 'Pacific/Auckland', MWT: 'Pacific/Auckland', NSN: 'Pacific/Auckland',
    NTL: 'Pacific/Auckland', OTA: 'Pacific/Auckland', STL: 'Pacific/Auckland', TAS: 'Pacific/Auckland',
    TKI: 'Pacific/Auckland', WKO: 'Pacific/Auckland', WGN: 'Pacific/Auckland', WTC: 'Pacific/Auckland',
    CIT: 'Pacific/Chatham',
  },
  MY: {
    '01': KUALA_LUMPUR, '02': KUALA_LUMPUR, '03': KUALA_LUMPUR, '04': KUALA_LUMPUR, '05': KUALA_LUMPUR,
    '06': KUALA_LUMPUR, '07': KUALA_LUMPUR, '08': KUALA_LUMPUR, '09': KUALA_LUMPUR, '10': KUALA_LUMPUR,
    '11': KUALA_LUMPUR, '14': KUALA_LUMPUR, '16': KUALA_LUMPUR,
    '12': 'Asia/Kuching', '13': 'Asia/Kuching', '15': 'Asia/Kuching', // Sabah, Sarawak, Labuan
  },
  // date-holidays has no Mexican states at all. Zones per tzdb zone1970.tab comments.
  MX: {
    AGU: MEXICO_CITY, CHP: MEXICO_CITY, CMX: MEXICO_CITY, COL: MEXICO_CITY, GRO: MEXICO_CITY, GUA: MEXICO_CITY,
    HID: MEXICO_CITY, JAL: MEXICO_CITY, MEX: MEXICO_CITY, MIC: MEXICO_CITY, MOR: MEXICO_CITY, OAX: MEXICO_CITY,
    PUE: MEXICO_CITY, QUE: MEXICO_CITY, SLP: MEXICO_CITY, TAB: MEXICO_CITY, TLA: MEXICO_CITY, VER: MEXICO_CITY,
    ZAC: MEXICO_CITY,
    BCN: 'America/Tijuana', BCS: 'America/Mazatlan', SIN: 'America/Mazatlan', NAY: 'America/Mazatlan',
    SON: 'America/Hermosillo', CHH: 'America/Chihuahua', ROO: 'America/Cancun',
    YUC: 'America/Merida', CAM: 'America/Merida',
    COA: 'America/Monterrey', NLE: 'America/Monterrey', TAM: 'America/Monterrey', DUR: 'America/Monterrey',
  },
};
