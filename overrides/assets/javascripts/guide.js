/* Decision guide: progressive enhancement */
