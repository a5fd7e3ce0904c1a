/** A multipart body as a browser's FormData sends it: the text fields first, then the file. */
export async function multipartBody(
  fields: Record<string, string>,
  file: { field: string; name: string; data: Buffer } | null,
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append(file.field, new Blob([file.data]), file.name);
  const request = new Request('http://multipart.test/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}
