import type * as S3 from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { FilesConfig } from '../../config.js';
import { checkedKey, type FileStorage } from './storage.js';

type S3Config = Extract<FilesConfig, { driver: 's3' }>;

/**
 * An S3-compatible bucket (MinIO, Alibaba OSS, Tencent COS, AWS…), path-style so any endpoint
 * works without bucket subdomains. The bucket is private: files reach people only through the API.
 * The SDK is loaded on first use, so a deployment on local disk never loads it.
 */
export function s3Storage(config: S3Config): FileStorage {
  const Bucket = config.bucket;
  let sdk: Promise<{ s3: typeof S3; client: S3.S3Client }> | null = null;
  const load = () =>
    (sdk ??= import('@aws-sdk/client-s3').then((s3) => ({
      s3,
      client: new s3.S3Client({
        endpoint: config.endpoint,
        region: config.region,
        forcePathStyle: true,
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      }),
    })));
  return {
    async put(key, body, contentType) {
      const Key = checkedKey(key);
      const { s3, client } = await load();
      await client.send(new s3.PutObjectCommand({ Bucket, Key, Body: body, ContentType: contentType }));
    },
    async get(key) {
      const Key = checkedKey(key);
      const { s3, client } = await load();
      try {
        const out = await client.send(new s3.GetObjectCommand({ Bucket, Key }));
        return (out.Body as Readable | undefined) ?? null;
      } catch (err) {
        if ((err as { name?: string }).name === 'NoSuchKey') return null;
        throw err;
      }
    },
    async delete(key) {
      const Key = checkedKey(key);
      const { s3, client } = await load();
      await client.send(new s3.DeleteObjectCommand({ Bucket, Key }));
    },
  };
}
