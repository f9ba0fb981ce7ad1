<?php
// Call the API with a token: print who it belongs to (PHP 7.4+ with the curl and json extensions).
$portal = 'https://yourportal.onlyoffice.com';

$curl = curl_init("$portal/api/2.0/people/@self");
curl_setopt_array($curl, [
    CURLOPT_HTTPHEADER => ['Authorization: yourtoken', 'Accept: application/json'],
    CURLOPT_RETURNTRANSFER => true,
]);
$body = curl_exec($curl);
if ($body === false) {
    fwrite(STDERR, 'error: ' . curl_error($curl) . PHP_EOL);
    exit(1);
}
$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
$answer = json_decode($body, true); // null for the empty body of a 401

if ($status < 200 || $status > 299) {
    $message = $answer['error']['message'] ?? null;
    fwrite(STDERR, "error: HTTP $status" . ($message === null ? '' : ": $message") . PHP_EOL);
    exit(1);
}
$profile = $answer['response'] ?? [];
echo "displayName: {$profile['displayName']}" . PHP_EOL;
echo "email: {$profile['email']}" . PHP_EOL;
