// html-encoding-sniffer ships no types; this is the part Fieldbook calls.
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    /** What is returned when the bytes declare nothing (default windows-1252). */
    defaultEncoding?: string;
    /** How far to look for a <meta> charset (default 1024 bytes). */
    maxPrescanBytes?: number;
  }
  /** The canonical name of the encoding a byte-order mark or a <meta> charset declares, as the HTML standard's sniffing decides. */
  export default function sniffHtmlEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}
