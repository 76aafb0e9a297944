import { decodeBer, MalformedMessage, type BerNode } from "../ber/ber-node";
import { booleanOf, bytesOf, childrenOf, integerOf, isTag, textOf } from "../ber/read-node";
import type { Control, Filter, LdapOperation, LdapRequest, SearchScope } from "./ldap-request";

// Application tags of requests (RFC 4511 §4.2–4.12) and of the response each write gets when refused.
const refusedOperations: Record<number, number> = { 6: 7, 8: 9, 10: 11, 12: 13, 14: 15 };
const scopes: SearchScope[] = ["base", "one", "sub", "children"];

/**
 * One LDAPMessage (RFC 4511 §4.1.1) from a frame: message ID, operation,
 * controls. Anything that is not LDAP's shape throws MalformedMessage; the
 * connection is then closed, so no half-read request is ever answered.
 */
export function readRequest(frame: Uint8Array): LdapRequest {
  const parts = childrenOf(decodeBer(frame), "LDAPMessage");
  const messageId = integerOf(parts[0], "messageID");
  if (messageId < 0) throw new MalformedMessage("negative messageID");
  const operation = readOperation(parts[1]);
  const controls = parts[2] ? readControls(parts[2]) : [];
  if (parts.length > 3) throw new MalformedMessage("trailing elements");
  return { messageId, controls, ...operation };
}

function readOperation(node: BerNode | undefined): LdapOperation {
  if (!node || node.tagClass !== "application") throw new MalformedMessage("protocolOp");
  switch (node.tag) {
    case 0: {
      const [version, name, auth] = childrenOf(node, "BindRequest");
      // Simple authentication is [0] primitive; SASL ([3]) is answered authMethodNotSupported.
      const password = isTag(auth, "context", 0) ? textOf(auth, "password") : null;
      if (!auth || (!isTag(auth, "context", 0) && !isTag(auth, "context", 3))) throw new MalformedMessage("authentication");
      return { op: "bind", version: integerOf(version, "version"), name: textOf(name, "name"), password };
    }
    case 2:
      bytesOf(node, "UnbindRequest");
      return { op: "unbind" };
    case 3:
      return readSearch(childrenOf(node, "SearchRequest"));
    case 16:
      return { op: "abandon", targetId: integerOf(node, "AbandonRequest") };
    case 23: {
      const [name, value] = childrenOf(node, "ExtendedRequest");
      if (!isTag(name, "context", 0)) throw new MalformedMessage("requestName");
      if (value && !isTag(value, "context", 1)) throw new MalformedMessage("requestValue");
      return { op: "extended", oid: textOf(name, "requestName"), value: value ? bytesOf(value, "requestValue") : null };
    }
    default: {
      const responseTag = refusedOperations[node.tag];
      if (responseTag === undefined) throw new MalformedMessage(`unknown operation ${node.tag}`);
      return { op: "refused", responseTag };
    }
  }
}

function readSearch(parts: BerNode[]): LdapOperation {
  const [base, scope, , sizeLimit, , typesOnly, filter, attributes] = parts;
  const scopeName = scopes[integerOf(scope, "scope")];
  if (!scopeName || parts.length !== 8) throw new MalformedMessage("SearchRequest");
  return {
    op: "search",
    baseDn: textOf(base, "baseObject"),
    scope: scopeName,
    sizeLimit: Math.max(0, integerOf(sizeLimit, "sizeLimit")),
    typesOnly: booleanOf(typesOnly, "typesOnly"),
    filter: readFilter(filter),
    attributes: childrenOf(attributes, "attributes").map((node) => textOf(node, "attribute").toLowerCase()),
  };
}

/** RFC 4511 §4.5.1.7. Values arrive as bytes: `*`, `(`, `)` in them are characters, never filter syntax. */
function readFilter(node: BerNode | undefined): Filter {
  if (!node || node.tagClass !== "context") throw new MalformedMessage("Filter");
  switch (node.tag) {
    case 0:
    case 1:
      return { type: node.tag === 0 ? "and" : "or", filters: childrenOf(node, "filter set").map(readFilter) };
    case 2: {
      const [inner, ...rest] = childrenOf(node, "not");
      if (rest.length > 0) throw new MalformedMessage("not");
      return { type: "not", filter: readFilter(inner) };
    }
    case 3:
    case 5:
    case 6:
    case 8: {
      const [attribute, value, ...rest] = childrenOf(node, "AttributeValueAssertion");
      if (rest.length > 0) throw new MalformedMessage("AttributeValueAssertion");
      const type = ({ 3: "equal", 5: "greaterOrEqual", 6: "lessOrEqual", 8: "approx" } as const)[node.tag];
      return { type, attribute: textOf(attribute, "attributeDesc").toLowerCase(), value: textOf(value, "assertionValue") };
    }
    case 4: {
      const [attribute, pieces] = childrenOf(node, "SubstringFilter");
      const filter = {
        type: "substrings" as const,
        attribute: textOf(attribute, "type").toLowerCase(),
        initial: null as string | null,
        any: [] as string[],
        final: null as string | null,
      };
      const list = childrenOf(pieces, "substrings");
      if (list.length === 0) throw new MalformedMessage("empty substrings");
      list.forEach((piece, index) => {
        const text = textOf(piece, "substring");
        // initial only first, final only last (RFC 4511 §4.5.1.7.2).
        if (isTag(piece, "context", 0) && index === 0) filter.initial = text;
        else if (isTag(piece, "context", 1)) filter.any.push(text);
        else if (isTag(piece, "context", 2) && index === list.length - 1) filter.final = text;
        else throw new MalformedMessage("substring");
      });
      return filter;
    }
    case 7:
      return { type: "present", attribute: textOf(node, "present").toLowerCase() };
    case 9:
      childrenOf(node, "extensibleMatch");
      return { type: "unsupported" };
    default:
      throw new MalformedMessage("Filter choice");
  }
}

function readControls(node: BerNode): Control[] {
  if (!isTag(node, "context", 0)) throw new MalformedMessage("controls");
  return childrenOf(node, "controls").map((control) => {
    const [type, second, third] = childrenOf(control, "Control");
    const critical = isTag(second, "universal", 1) ? booleanOf(second, "criticality") : false;
    const value = isTag(second, "universal", 4) ? second : third;
    return { oid: textOf(type, "controlType"), critical, value: value ? bytesOf(value, "controlValue") : null };
  });
}
