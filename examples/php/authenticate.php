<?php
// Sign in to a DocSpace portal and print the token (PHP 7.4+ with the curl and json extensions).
$portal = 'https://yourportal.onlyoffice.com';

$curl = curl_init("$portal/api/2.0/authentication");
curl_setopt_array($curl, [
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => json_encode(['userName' => 'yourusername', 'password' => 'yourpassword']),
    CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Accept: application/json'],
    CURLOPT_RETURNTRANSFER => true,
]);
$body = curl_exec($curl);
if ($body === false) {
    fwrite(STDERR, 'error: ' . curl_error($curl) . PHP_EOL);
    exit(1);
}
$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
$answer = json_decode($body, true); // null when the body is not JSON, as error pages may be

if ($status < 200 || $status > 299) {
    $message = $answer['error']['message'] ?? null;
    fwrite(STDERR, "error: HTTP $status" . ($message === null ? '' : ": $message") . PHP_EOL);
    exit(1);
}
$result = $answer['response'] ?? [];
if (empty($result['token'])) {
    fwrite(STDERR, (!empty($result['tfa']) || !empty($result['sms'])
        ? 'error: second factor required: POST the code from your authenticator app or SMS to /api/2.0/authentication/{code}'
        : 'error: the answer contains no token') . PHP_EOL);
    exit(1);
}
echo "token: {$result['token']}" . PHP_EOL;
echo "expires: {$result['expires']}" . PHP_EOL;
