/**
 * The first document of the default notebook: a short guide written for
 * Fieldbook. It is an ordinary document; deleting it is fine.
 */
export const welcomeDocument = {
  kind: 'markdown' as const,
  title: 'Welcome to Fieldbook',
  authors: ['Fieldbook'],
  language: 'en',
  direction: 'ltr' as const,
  text: `# Welcome to Fieldbook

Fieldbook keeps your sources and your analysis together, on this computer only. Nothing you do here is sent over a network.

## First steps

1. Set your name in Settings. It is shown beside every highlight and note you write, and it travels with them when you exchange notebooks with your team.
2. Import your sources: PDFs, saved web pages, Markdown and plain text files, one at a time or a whole folder from a USB stick.
3. Read a document and highlight the passages that matter. Add a comment to a highlight to say why.
4. Tag the actors in a passage: the people, organisations, armed groups and states it speaks of. Give each actor every spelling of its name you meet, in any script, so that al-Kadhimi and Al-Kazemi are one person.
5. Record events: what happened, when (as precisely as the source allows), where, and who took part. Link the passages that are your evidence.
6. Write notes that cite passages, actors and events, and search everything from the box at the top.

## Your notebook is a folder

Everything lives in one folder: your documents, highlights, actors, events and notes. Back it up like any other folder. Export a notebook file to share your work; a teammate can merge it into their own notebook without losing either side's work.

You can delete this document whenever you like.
`,
};
