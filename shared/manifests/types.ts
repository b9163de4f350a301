/**
 * What `parseManifests` hands back: one entry per YAML document, each either a typed API
 * object (defaulted as the API server would) or the message kubectl would print for it.
 */
import type { Deployment, NewMeta, Pod, Service } from '../sim/api/types.js';

/** A manifest object before the API server fills in uid, resourceVersion and creationTimestamp. */
export type Unsaved<T extends { metadata: unknown }> = Omit<T, 'metadata'> & { metadata: NewMeta };

export type ManifestObject = Unsaved<Pod> | Unsaved<Deployment> | Unsaved<Service>;

/** Why a document was refused, in the API server's terms (for callers that format errors themselves). */
export interface ManifestStatus {
  /** `BadRequest` for decoding errors, `Invalid` for field validation; absent for client-side errors. */
  reason?: 'BadRequest' | 'Invalid';
  /** The server's Status message, without kubectl's `error when creating "FILE": ` prefix. */
  message: string;
  /** For `Invalid`: each field error, `spec.replicas: Invalid value: -1: must be ...`. */
  causes?: string[];
}

export interface ManifestDoc {
  /** Position of the document in the file, counting the empty ones that are skipped. */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
  kind?: string;
  name?: string;
  object?: ManifestObject;
  /** What kubectl prints for this document when it is the only failure of the apply. */
  error?: string;
  status?: ManifestStatus;
  /**
   * kubectl reads a file as a stream and stops at this error: documents after it are not
   * applied (client-side validation of apiVersion/kind). The documents before it are.
   */
  stopsFile?: boolean;
  errorLine?: number;
  errorColumn?: number;
}

export interface ParseResult {
  docs: ManifestDoc[];
  /** A file-level error: the whole file is rejected (YAML syntax, size and abuse limits). */
  error?: string;
  errorLine?: number;
  errorColumn?: number;
}
