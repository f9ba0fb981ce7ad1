<?php
// Call the API with a token: print who it belongs to (PHP 7.4+ with the curl and json extensions).
$portal = 'https://yourportal.onlyoffice.com';

function fail(string $message): void
{
    fwrite(STDERR, "error: $message" . PHP_EOL);
    exit(1);
}

$curl = curl_init("$portal/api/2.0/people/@self");
curl_setopt_array($curl, [
    CURLOPT_HTTPHEADER => ['Authorization: yourtoken', 'Accept: application/json'],
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_TIMEOUT => 30,
]);
$body = curl_exec($curl);
if ($body === false) {
    fail(curl_errno($curl) === CURLE_OPERATION_TIMEDOUT
        ? 'the portal did not answer within 30 s'
        : 'cannot reach the portal: ' . curl_error($curl));
}
$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
$answer = json_decode($body, true); // null for a body that is not JSON, as a 401's may be

if ($status < 200 || $status > 299) {
    fail("HTTP $status: " . ($answer['error']['message'] ?? '(no error message)'));
}
$profile = $answer['response'] ?? [];
echo "displayName: {$profile['displayName']}" . PHP_EOL;
echo "email: {$profile['email']}" . PHP_EOL;
