"""Privacy-safe review: find people, pseudonymise them everywhere, refuse to write a leak."""
