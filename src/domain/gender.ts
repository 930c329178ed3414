/** Gender as encoded in the NIP (digit 15): 1 male (laki-laki), 2 female (perempuan). */
export type Gender = 'MALE' | 'FEMALE';
