import type { RefObject } from 'react';

/**
 * What the article pickers (import, "Update text…") accept: text, Markdown, saved web pages (with the images of a
 * "Web page, complete" save, picked along with the page), MHTML and EPUB.
 */
export const ARTICLE_FILES = [
  '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.shtml,.mhtml,.mht,.epub',
  'text/plain,text/markdown,text/html,application/epub+zip,multipart/related,image/*',
].join(',');

/**
 * A file input kept out of sight and out of the tab order, opened by a button elsewhere. It hands
 * over the chosen files and then empties itself, so that choosing the same file again works.
 */
export function HiddenFileInput({
  inputRef,
  accept,
  multiple = false,
  label,
  testId,
  onFiles,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  multiple?: boolean;
  label: string;
  testId: string;
  onFiles(files: File[]): void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple={multiple}
      accept={accept}
      className="sr-only"
      tabIndex={-1}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
}
