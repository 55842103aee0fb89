// Sends the file to S3 with the presigned PUT, reporting progress. XMLHttpRequest, because fetch
// cannot report upload progress. The browser sets Content-Length itself; it is part of the
// signature, so S3 accepts exactly the size that was declared.
import { ApiError } from './api.js';

export function uploadFile(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method ?? 'PUT', upload.url);
    for (const [name, value] of Object.entries(upload.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(
          new ApiError(
            'upload_refused',
            `The storage refused the upload (HTTP ${xhr.status}); the link may have expired. Try again.`,
            xhr.status,
          ),
        );
      }
    };
    xhr.onerror = () =>
      reject(new ApiError('network', 'The upload was interrupted. Check your connection and try again.'));
    xhr.send(file);
  });
}
