/**
 * A web capture in the style of what researchers paste from policy sites:
 * title, byline with a bracketed link, date, links in brackets, an author
 * box, the article, and recommended articles at the end. The text is
 * written for these tests.
 */
export const webCapture = `

Water, Power and Patronage in Basra's Summer Protests

by [Layla Haddad \\(/experts/layla-haddad\\)](/experts/layla-haddad) and [Omar Nouri](/experts/omar-nouri)

Aug 17, 2023

Also available in

[العربية \\(/ar/analysis/basra-summer\\)](/ar/analysis/basra-summer)

ABOUT THE AUTHORS

[Layla Haddad \\(/experts/layla-haddad\\)](/experts/layla-haddad)

Layla Haddad follows local government in southern Iraq.

Brief Analysis

Every summer the same streets fill when the power fails and the taps run salty. This year the [provincial council \\(/glossary/council\\)](/glossary/council) promised new desalination units by June.

The units did not arrive. Protesters gathered outside the Kata'ib offices on the corniche, and by evening the crowd had moved toward the governorate building.

RECOMMENDED

[Port Politics After the Election](#)

Jul 2, 2023

(/analysis/port-politics)
`;
