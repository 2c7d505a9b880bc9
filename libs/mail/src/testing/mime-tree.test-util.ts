/** A part of a message as the tests look at it: its type, parameters and children. */
export interface MimeTreeNode {
  contentType: string;
  method?: string;
  disposition?: string;
  filename?: string;
  transferEncoding?: string;
  /** The part's content, still encoded (for leaf parts). */
  body: string;
  children: MimeTreeNode[];
}

/** The MIME tree, read straight from the raw message (mailparser flattens it). */
export function mimeTree(raw: string): MimeTreeNode {
  const parse = (part: string): MimeTreeNode => {
    const split = part.search(/\r?\n\r?\n/);
    const head = part.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
    const type = header('Content-Type');
    const param = (value: string, name: string) =>
      new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(value)?.[1];
    const node: MimeTreeNode = {
      contentType: type.split(';')[0]!.trim().toLowerCase(),
      method: param(type, 'method'),
      disposition: header('Content-Disposition').split(';')[0]!.trim().toLowerCase() || undefined,
      filename: param(header('Content-Disposition'), 'filename') ?? param(type, 'name'),
      transferEncoding: header('Content-Transfer-Encoding').trim().toLowerCase() || undefined,
      body,
      children: [],
    };
    const boundary = param(type, 'boundary');
    if (node.contentType.startsWith('multipart/') && boundary) {
      const chunks = body.split(`--${boundary}`).slice(1, -1);
      node.children = chunks.map((c) => parse(c.replace(/^\r?\n/, '')));
    }
    return node;
  };
  return parse(raw);
}

/** The first node of this content type, depth first. */
export function findPart(node: MimeTreeNode, type: string): MimeTreeNode | undefined {
  return node.contentType === type ? node : node.children.map((c) => findPart(c, type)).find(Boolean);
}
