"""Times a full FetchHashes sync (pageSize 10000) the way a platform's client pages: follows
nextPageToken while hasMoreRecords, counting records."""
import json
import sys
import time
import urllib.request

base, key, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
token, records, pages = "", 0, 0
started = time.perf_counter()
while True:
    url = f"{base}/FetchHashes?startTimestamp=10&pageSize=10000"
    if token:
        url += f"&nextPageToken={token}"
    request = urllib.request.Request(url, headers={"Ocp-Apim-Subscription-Key": key})
    with urllib.request.urlopen(request) as response:
        body = response.read()
    pages += 1
    head = json.loads(body[: body.index(b',"hashRecords":')] + b"}")
    records += head["count"]
    if not head["hasMoreRecords"]:
        break
    token = head["nextPageToken"]
elapsed = time.perf_counter() - started
print(f"sync:  {records} records in {pages} pages in {elapsed:.2f} s ({records / elapsed:,.0f} records/s)"
      + ("" if records >= expected else f"  MISSING {expected - records}"))
